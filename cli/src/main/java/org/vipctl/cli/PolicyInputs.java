package org.vipctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The policy files and catalog options shared by every command that reads policies. */
final class PolicyInputs {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Policy files or folders (searched recursively for *.yaml and *.yml).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    CatalogOption catalog;

    Catalog catalog(Diagnostics out) {
        return catalog.catalog(out);
    }

    Compilation load(Diagnostics out) {
        return Compilation.load(paths, catalog(out), out);
    }
}

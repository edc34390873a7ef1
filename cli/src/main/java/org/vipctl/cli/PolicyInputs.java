package org.vipctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The policy files and catalog options shared by every command that reads policies. */
final class PolicyInputs {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Policy files or folders (searched recursively for *.yaml and *.yml).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Extra setting catalog file(s): add settings or override built-in ones by id. Repeatable.")
    List<Path> catalogFiles = new ArrayList<>();

    /** Set by commands that can check catalog files without policies (validate --catalog FILE). */
    boolean catalogAloneIsEnough;

    Catalog catalog(Diagnostics out) {
        if (paths.isEmpty() && !(catalogAloneIsEnough && !catalogFiles.isEmpty())) {
            throw new UsageError("Missing required parameter: 'PATH'");
        }
        return catalogFiles.isEmpty() ? Catalog.builtIn() : Catalog.withUserFiles(catalogFiles, out);
    }

    Compilation load(Diagnostics out) {
        return Compilation.load(paths, catalog(out), out);
    }
}

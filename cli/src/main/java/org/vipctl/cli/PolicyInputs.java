package org.vipctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The policy files, the catalog options and {@code --notes}, shared by every command that reads policies. */
@Command(addMethodSubcommands = false)
final class PolicyInputs {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Policy files or folders (searched recursively for *.yaml and *.yml).")
    List<Path> paths = new ArrayList<>();

    @Mixin
    CatalogOption catalog;

    @Mixin
    NotesOption notes;

    /** Set by commands that can check catalog files without policies (validate --catalog FILE). */
    boolean catalogAloneIsEnough;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    Catalog catalog(Diagnostics out) {
        if (paths.isEmpty() && !(catalogAloneIsEnough && !catalog.catalogFiles.isEmpty())) {
            throw new UsageError("Missing required parameter: 'PATH'");
        }
        return catalog.catalog(out);
    }

    Compilation load(Diagnostics out) {
        return load(catalog(out), out);
    }

    Compilation load(Catalog settings, Diagnostics out) {
        return Compilation.load(paths, settings, out, Main.inputLimits(command));
    }
}

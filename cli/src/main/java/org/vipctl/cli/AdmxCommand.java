package org.vipctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code vipctl admx ...}: work with ADMX/ADML stores. */
@Command(name = "admx",
        description = "Work with ADMX/ADML administrative templates.",
        footer = {"", "Examples:",
            "  vipctl admx lint C:\\Windows\\PolicyDefinitions",
            "  vipctl admx lint build/vipctl/admx"},
        subcommands = {AdmxLintCommand.class},
        mixinStandardHelpOptions = true)
final class AdmxCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (lint)");
    }
}

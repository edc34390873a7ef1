package org.vipctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code vipctl citrix ...}: work with Citrix policy exports. */
@Command(name = "citrix",
        description = "Work with Citrix policy exports (Export-CtxGroupPolicy folders).",
        footer = {"", "Examples:",
            "  vipctl citrix show C:\\exports\\site-policies",
            "  vipctl citrix show --json build/vipctl/citrix"},
        subcommands = {CitrixShowCommand.class},
        mixinStandardHelpOptions = true)
final class CitrixCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (show)");
    }
}

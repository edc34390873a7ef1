package org.vipctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "completion",
        description = "Print a shell completion script for vipctl's commands, options and their values.",
        footer = {"", "Examples:",
            "  vipctl completion bash | head",
            "", "Install (one line each):",
            "  bash:        vipctl completion bash > /etc/bash_completion.d/vipctl",
            "               (or ~/.local/share/bash-completion/completions/vipctl)",
            "  zsh:         echo 'source <(vipctl completion zsh)' >> ~/.zshrc",
            "  PowerShell:  vipctl completion powershell >> $PROFILE",
            "", "Exit codes: 0 printed, 64 usage error."},
        mixinStandardHelpOptions = true)
final class CompletionCommand implements Callable<Integer> {

    enum Shell { BASH, ZSH, POWERSHELL }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or powershell.")
    Shell shell;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CommandLine all = Main.fullCommandLine();
        switch (shell) {
            // picocli's script serves zsh too, through zsh's bash completion emulation
            case BASH, ZSH -> out.print(AutoComplete.bash("vipctl", all));
            default -> out.print(PowerShellCompletion.script(all));
        }
        return ExitCodes.OK;
    }
}

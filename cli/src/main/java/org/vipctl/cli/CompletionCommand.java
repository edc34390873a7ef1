package org.vipctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

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
            case BASH, ZSH -> out.print(lowerCaseEnumValues(AutoComplete.bash("vipctl", all)));
            default -> out.print(PowerShellCompletion.script(all));
        }
        return ExitCodes.OK;
    }

    private static final java.util.regex.Pattern ENUM_VALUES =
            java.util.regex.Pattern.compile("(?m)^(\\s*local \\w+_option_args=\\()((?:\"[A-Z][A-Z0-9_]*\" ?)+)(\\))");

    /**
     * picocli offers enum values as the constants are spelled (TEXT, JSON); vipctl accepts any case
     * and documents lower case, so the script offers them the way people type them.
     */
    static String lowerCaseEnumValues(String script) {
        return ENUM_VALUES.matcher(script).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) + m.group(2).toLowerCase(java.util.Locale.ROOT) + m.group(3)));
    }
}

package org.vipctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * A PowerShell argument completer for vipctl, made from picocli's model of the commands so that it
 * lists exactly the commands, options and option values the program has.
 */
final class PowerShellCompletion {

    private PowerShellCompletion() {
    }

    static String script(CommandLine root) {
        StringBuilder table = new StringBuilder();
        collect(root, "", table);
        return """
                # vipctl completion for PowerShell: vipctl completion powershell >> $PROFILE
                $global:VipctlCompletionWords = @{
                %s}
                Register-ArgumentCompleter -Native -CommandName vipctl, vipctl.cmd -ScriptBlock {
                    param($wordToComplete, $commandAst, $cursorPosition)
                    $tokens = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
                    if ($wordToComplete -ne '' -and $tokens.Count -gt 0) { $tokens = @($tokens | Select-Object -SkipLast 1) }
                    $path = ''
                    $previous = ''
                    foreach ($t in $tokens) {
                        $candidate = ($path + ' ' + $t).Trim()
                        if ($global:VipctlCompletionWords.ContainsKey($candidate)) { $path = $candidate }
                        $previous = $t
                    }
                    $values = $global:VipctlCompletionWords[($path + '|' + $previous).Trim()]
                    if (-not $values) { $values = $global:VipctlCompletionWords[$path] }
                    $values | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                    }
                }
                """.formatted(table);
    }

    /** {@code 'plan' = @('--target', ...)}; and {@code 'plan|--scope' = @('local', 'policy')} for option values. */
    private static void collect(CommandLine cmd, String path, StringBuilder table) {
        CommandSpec spec = cmd.getCommandSpec();
        List<String> words = new ArrayList<>(cmd.getSubcommands().keySet());
        for (OptionSpec o : spec.options()) {
            words.addAll(List.of(o.names()));
            List<String> values = new ArrayList<>();
            Iterable<String> candidates = o.completionCandidates();
            if (candidates != null) {
                candidates.forEach(c -> values.add(c.toLowerCase(java.util.Locale.ROOT)));
            }
            if (!values.isEmpty()) {
                for (String name : o.names()) {
                    table.append("    ").append(quote(path + "|" + name)).append(" = ").append(array(values)).append('\n');
                }
            }
        }
        table.append("    ").append(quote(path)).append(" = ").append(array(words)).append('\n');
        for (Map.Entry<String, CommandLine> sub : cmd.getSubcommands().entrySet()) {
            collect(sub.getValue(), (path + " " + sub.getKey()).strip(), table);
        }
    }

    private static String array(List<String> words) {
        return "@(" + String.join(", ", words.stream().map(PowerShellCompletion::quote).toList()) + ")";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}

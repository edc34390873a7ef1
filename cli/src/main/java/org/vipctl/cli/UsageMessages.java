package org.vipctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** Usage errors in words, with "did you mean" for a mistyped command or option. */
final class UsageMessages {

    private UsageMessages() {
    }

    static String describe(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return ex.getMessage();
        }
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String token = u.getUnmatched().get(0);
        if (token.startsWith("-")) {
            String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
            List<String> options = new ArrayList<>();
            spec.options().forEach(o -> options.addAll(List.of(o.names())));
            return "unknown option '" + name + "' for '" + spec.qualifiedName() + "'"
                    + suggestion(name, options);
        }
        if (!spec.subcommands().isEmpty()) {
            List<String> commands = new ArrayList<>(spec.subcommands().keySet());
            return "unknown command '" + token + "'" + suggestion(token, commands);
        }
        return "unexpected argument '" + token + "' for '" + spec.qualifiedName() + "'";
    }

    private static String suggestion(String word, List<String> known) {
        Optional<String> best = Suggest.closest(word, known);
        return best.map(b -> "; did you mean '" + b + "'?").orElse("");
    }
}

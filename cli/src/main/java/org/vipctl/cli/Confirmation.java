package org.vipctl.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import org.vipctl.plan.Plan;

/** The question apply and rollback ask before they write: --yes answers it; without a terminal it must. */
final class Confirmation {

    private Confirmation() {
    }

    static boolean confirmed(String command, Plan plan, boolean yes, PrintWriter out) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            throw new UserError("not running on a terminal, so " + command + " cannot ask for confirmation: pass --yes"
                    + " to write these " + plan.changed() + " change(s)");
        }
        out.flush();
        String verb = command.substring(0, 1).toUpperCase(Locale.ROOT) + command.substring(1);
        String answer = console.readLine("%s: write %d change(s) to %s? [y/N] ", verb, plan.changed(), plan.target());
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }
}

package org.vipctl.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegValue;

/** The plan for people: one line per value, then warnings and a summary line. */
public final class PlanText {

    private PlanText() {
    }

    public static List<String> lines(Plan plan) {
        return lines(plan, List.of());
    }

    /** With a line per Citrix setting that apply does not write, before the summary. */
    public static List<String> lines(Plan plan, List<SiteSettings.NotApplied> notApplied) {
        List<String> out = new ArrayList<>();
        out.add("Plan for " + plan.target() + " (scope " + plan.scope().label() + "):");
        for (Change c : plan.changes()) {
            out.add("  " + line(c));
        }
        for (PlanWarning w : plan.warnings()) {
            out.add("warning: " + w.message() + " [" + w.code() + "]");
        }
        out.addAll(SiteSettings.lines(notApplied));
        out.add(summary(plan));
        return out;
    }

    /** The value's path, with the literal Wow6432Node key for a 32-bit view value. */
    public static String where(Change c) {
        return c.path() + view(c);
    }

    public static String line(Change c) {
        String where = where(c);
        if (c instanceof Change.Create cr) {
            return "+ create " + where + " = " + show(cr.value());
        }
        if (c instanceof Change.Update u) {
            String what = u.typeChanged() ? "type and data" : "data";
            return "~ update " + where + " (" + what + "): " + show(u.old()) + " -> " + show(u.value());
        }
        if (c instanceof Change.Delete d) {
            return "- delete " + where + " (was " + show(d.old()) + ")";
        }
        return "= no-op  " + where + " = " + c.before().map(PlanText::show).orElse("(absent)");
    }

    public static String summary(Plan plan) {
        return "Plan: " + plan.count(Action.CREATE) + " to create, " + plan.count(Action.UPDATE) + " to update, "
                + plan.count(Action.DELETE) + " to delete, " + plan.unchanged() + " unchanged.";
    }

    public static String show(RegValue v) {
        return v.type().name() + " " + v.display();
    }

    public static String show(Optional<RegValue> v) {
        return v.map(PlanText::show).orElse("(absent)");
    }

    private static String view(Change c) {
        return c.key().view() == org.vipctl.registry.View.BIT32
                ? " [32-bit view: " + c.key().hive() + "\\" + c.key().literalPath() + "]" : "";
    }
}

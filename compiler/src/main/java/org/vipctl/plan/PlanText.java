package org.vipctl.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;

/** The plan for people: one line per value, then warnings and a summary line. */
public final class PlanText {

    private PlanText() {
    }

    /**
     * How a plan is shown: unchanged values listed or not, ANSI colour on the action signs, and the
     * column at which long lines wrap (with an indented continuation).
     */
    public record Style(boolean showUnchanged, boolean colour, int width) {
        public static final Style PLAIN = new Style(false, false, 100);
    }

    /** Every value, unchanged ones included, without colour (for logs and tests). */
    public static List<String> lines(Plan plan) {
        return lines(plan, List.of(), new Style(true, false, 100));
    }

    /** With a line per Citrix setting that apply does not write, before the summary; everything shown, no colour. */
    public static List<String> lines(Plan plan, List<SiteSettings.NotApplied> notApplied) {
        return lines(plan, notApplied, new Style(true, false, 100));
    }

    public static List<String> lines(Plan plan, Style style) {
        return lines(plan, List.of(), style);
    }

    /**
     * The plan grouped by key: a key line, then one line per value ({@code + create}, {@code ~ update},
     * {@code - delete}, {@code = no-op}), then warnings, a line per Citrix setting that apply does not
     * write, and the summary. Unchanged values are left out unless {@code style.showUnchanged()}.
     */
    public static List<String> lines(Plan plan, List<SiteSettings.NotApplied> notApplied, Style style) {
        List<String> out = new ArrayList<>();
        out.add("Plan for " + plan.target() + " (scope " + plan.scope().label() + "):");
        String currentKey = null;
        for (Change c : plan.changes()) {
            if (c instanceof Change.NoOp && !style.showUnchanged()) {
                continue;
            }
            String key = keyLine(c);
            if (!key.equals(currentKey)) {
                wrap("  " + key, style.width(), out);
                currentKey = key;
            }
            wrap("    " + valueLine(c, style.colour()), style.width(), out);
        }
        for (PlanWarning w : plan.warnings()) {
            wrap("warning: " + w.message() + " [" + w.code() + "]", style.width(), out);
        }
        SiteSettings.lines(notApplied).forEach(l -> wrap(l, style.width(), out));
        String summary = summary(plan);
        if (!style.showUnchanged() && plan.unchanged() > 0) {
            summary = summary.substring(0, summary.length() - 1) + " (--show-unchanged lists them).";
        }
        wrap(summary, style.width(), out);
        return out;
    }

    private static String keyLine(Change c) {
        return c.key().hive() + "\\" + c.key().literalPath()
                + (c.key().view() == org.vipctl.registry.View.BIT32 ? " (32-bit view)" : "");
    }

    private static String valueLine(Change c, boolean colour) {
        String name = c.name().isEmpty() ? "(default)" : c.name();
        String sign;
        String rest;
        if (RegistryEntry.isKeyOnly(c.name())) {
            return c instanceof Change.Create ? paint("+ create", "32", colour) + " (the key itself, without a value)"
                    : c instanceof Change.Delete ? paint("- delete", "31", colour) + " (the key itself, while it is empty)"
                    : "= no-op  (the key itself) " + (c.before().isPresent() ? "exists" : "(absent)");
        }
        if (c instanceof Change.Create cr) {
            sign = paint("+ create", "32", colour);
            rest = name + " = " + show(cr.value());
        } else if (c instanceof Change.Update u) {
            sign = paint("~ update", "33", colour);
            rest = name + " (" + (u.typeChanged() ? "type and data" : "data") + "): " + show(u.old()) + " -> " + show(u.value());
        } else if (c instanceof Change.Delete d) {
            sign = paint("- delete", "31", colour);
            rest = name + " (was " + show(d.old()) + ")";
        } else {
            sign = "= no-op ";
            rest = name + " = " + c.before().map(PlanText::show).orElse("(absent)");
        }
        return sign + " " + rest;
    }

    private static String paint(String text, String code, boolean colour) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    /** Breaks a line longer than {@code width} visible columns at spaces; continuations are indented. */
    static void wrap(String line, int width, List<String> out) {
        String indent = " ".repeat(Math.min(line.length() - line.stripLeading().length() + 4, 12));
        String rest = line;
        boolean first = true;
        while (visible(rest) > width) {
            int cut = breakAt(rest, width);
            if (cut <= indent.length()) {
                break;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).stripLeading();
            first = false;
        }
        out.add(first ? line : rest);
    }

    private static int breakAt(String s, int width) {
        int extra = s.length() - visible(s);
        int limit = Math.min(s.length() - 1, width + extra);
        int space = s.lastIndexOf(' ', limit);
        return space > 0 ? space : limit;
    }

    private static int visible(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }

    /** The value's path, with the literal Wow6432Node key for a 32-bit view value. */
    public static String where(Change c) {
        return c.path() + view(c);
    }

    /** Where a change lands and what is there after it: {@code KEY\NAME = TYPE DATA}, or {@code KEY (key) exists}. */
    public static String outcome(Change c) {
        if (RegistryEntry.isKeyOnly(c.name())) {
            return where(c) + (c.after().isPresent() ? " exists" : " is gone");
        }
        return where(c) + " = " + show(c.after());
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

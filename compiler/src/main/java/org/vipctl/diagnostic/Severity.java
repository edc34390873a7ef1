package org.vipctl.diagnostic;

import java.util.Locale;

/** Most severe first: {@code ERROR} fails a run by default, {@code --fail-on} can lower the bar. */
public enum Severity {
    ERROR, WARNING, NOTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this is as severe as {@code bar} or more. */
    public boolean atLeast(Severity bar) {
        return compareTo(bar) <= 0;
    }

    public static Severity parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}

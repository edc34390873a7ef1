package org.vipctl.cli;

/** What the process's terminal allows: colour only on a terminal, and never with NO_COLOR set (no-color.org). */
final class Terminal {

    private Terminal() {
    }

    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        String term = System.getenv("TERM");
        return System.console() != null && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
    }
}

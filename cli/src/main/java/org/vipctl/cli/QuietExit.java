package org.vipctl.cli;

/** Ends a command with an exit code after it has printed everything itself (JSON output of a failure). */
final class QuietExit extends RuntimeException {

    final int code;

    QuietExit(int code) {
        super(null, null, false, false);
        this.code = code;
    }
}

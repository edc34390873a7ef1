package org.vipctl.cli;

/** The exit codes of DESIGN.md: a contract with scripts and CI. */
final class ExitCodes {
    static final int OK = 0;
    static final int ERROR = 1;
    static final int CHANGES = 2;
    static final int USAGE = 64;

    private ExitCodes() {
    }
}

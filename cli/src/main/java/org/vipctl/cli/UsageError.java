package org.vipctl.cli;

/** Arguments that parse but make no sense together: exit code 64, like a parse error. */
public final class UsageError extends RuntimeException {

    public UsageError(String message) {
        super(message);
    }
}

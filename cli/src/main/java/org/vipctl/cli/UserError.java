package org.vipctl.cli;

/** A problem with what the user asked for or gave us: printed as one line, exit code 1, no stack trace. */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}

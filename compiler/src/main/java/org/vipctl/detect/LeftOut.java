package org.vipctl.detect;

/** A program (or unnamed PID) that listened but is not proposed, and why. */
public record LeftOut(String program, Reason reason, String detail) {

    public enum Reason {
        /** On the documented list of Windows processes (system-processes.txt). */
        SYSTEM_PROCESS,
        /** Named with --exclude. */
        EXCLUDED,
        /** Runs only in session 0, where services run; --include-services takes them in. */
        SERVICES,
        /** Its ports change between instances, or sit in the dynamic range: nothing to virtualize. */
        EPHEMERAL,
        /** The capture does not name the process (netstat -ano without -b or a tasklist). */
        NO_NAME,
        /** Not an .exe image, so no program list can name it. */
        NOT_AN_EXE
    }
}

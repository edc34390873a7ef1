package org.vipctl.detect;

import java.util.OptionalInt;

/** One running copy of a program: its PID and, when the capture has it, its session. */
public record Instance(long pid, OptionalInt session) {

    @Override
    public String toString() {
        return session.isPresent() ? "session " + session.getAsInt() + " (PID " + pid + ")" : "PID " + pid;
    }
}

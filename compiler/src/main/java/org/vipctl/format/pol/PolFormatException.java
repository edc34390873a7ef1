package org.vipctl.format.pol;

/**
 * A Registry.pol file that does not follow the PReg format. The only exception {@link PolReader}
 * throws for bad content; {@link #offset()} is the byte offset in the file where reading stopped.
 */
public final class PolFormatException extends RuntimeException {

    private final long offset;

    public PolFormatException(String message, long offset) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}

package org.vipctl.detect;

/**
 * A capture that cannot be read: the message starts with the place ({@code file:line:col}, or the
 * file alone when the whole file is wrong, such as binary data or a format vipctl does not read).
 */
public final class CaptureException extends RuntimeException {

    private final String source;
    private final long line;

    CaptureException(String source, long line, int column, String message) {
        super(source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    static CaptureException at(String source, long line, String message) {
        return new CaptureException(source, line, 0, message);
    }

    static CaptureException whole(String source, String message) {
        return new CaptureException(source, 0, 0, message);
    }

    /** The file as it was named. */
    public String source() {
        return source;
    }

    /** The line of the problem, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}

package org.vipctl.format.reg;

/** A .reg file that cannot be read; the message names the file and line. */
public final class RegFileException extends RuntimeException {

    private final String file;
    private final int line;

    public RegFileException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}

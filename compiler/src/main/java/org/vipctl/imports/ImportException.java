package org.vipctl.imports;

/**
 * A source that cannot be read: missing, unreadable, or not the format it should be. The message
 * is one line that names the place (file:line:col, or the file and byte offset).
 */
public final class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.vipctl.gpo;

/** A GPO backup that cannot be read; the message names the file and, for bad XML, line and column. */
public final class GpoBackupException extends RuntimeException {

    public GpoBackupException(String message) {
        super(message);
    }
}

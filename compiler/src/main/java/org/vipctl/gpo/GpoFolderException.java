package org.vipctl.gpo;

/** An existing GPO folder that cannot be updated: missing, or a Registry.pol or GPT.INI that cannot be read. */
public final class GpoFolderException extends RuntimeException {

    public GpoFolderException(String message) {
        super(message);
    }

    public GpoFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}

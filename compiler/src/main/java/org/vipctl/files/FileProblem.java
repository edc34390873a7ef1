package org.vipctl.files;

/**
 * A file operation vipctl refused or could not carry out (a lock held by another run, a read-only
 * target, an output folder that cannot be replaced); the message says which file and what to do.
 */
public class FileProblem extends RuntimeException {

    public FileProblem(String message) {
        super(message);
    }

    public FileProblem(String message, Throwable cause) {
        super(message, cause);
    }
}

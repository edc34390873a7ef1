package org.vipctl.publish;

/** Publishing cannot go on: a message for people, naming the GPO, the server or the file. */
public final class PublishException extends RuntimeException {

    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}

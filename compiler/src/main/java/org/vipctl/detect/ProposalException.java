package org.vipctl.detect;

/** No valid policy can be proposed from this report with these options; the message says what to add. */
public final class ProposalException extends RuntimeException {

    public ProposalException(String message) {
        super(message);
    }
}

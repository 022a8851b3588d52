package org.emailsms.gateway.smsc.control;

/**
 * A submit the SMSC did not acknowledge: refused with a command status, timed out, or the link is
 * down. Permanent failures are not retried.
 */
public class SubmitFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public SubmitFailedException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}

package org.emailsms.gateway.smsc.control;

/**
 * A submit the SMSC did not acknowledge: refused with a command status, timed out, or the link is
 * down. Permanent failures are not retried; throttling is retried without using up an attempt.
 */
public class SubmitFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;
    private final boolean throttled;

    public SubmitFailedException(String message, boolean permanent, Throwable cause) {
        this(message, permanent, false, cause);
    }

    private SubmitFailedException(String message, boolean permanent, boolean throttled, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.throttled = throttled;
    }

    /** The SMSC asked the bind to slow down: the message is fine and goes again soon. */
    public static SubmitFailedException throttled(String message, Throwable cause) {
        return new SubmitFailedException(message, false, true, cause);
    }

    /** The same failure, named as one of {@code carrier}'s, where there are several carriers. */
    SubmitFailedException of(String carrier) {
        return new SubmitFailedException("Carrier " + carrier + ": " + getMessage(), permanent, throttled, getCause());
    }

    public boolean isPermanent() {
        return permanent;
    }

    public boolean isThrottled() {
        return throttled;
    }
}

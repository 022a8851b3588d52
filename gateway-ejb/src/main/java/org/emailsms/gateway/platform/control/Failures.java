package org.emailsms.gateway.platform.control;

/** What went wrong, in words an operator can act on. */
public final class Failures {

    private Failures() {
    }

    /**
     * The message of the innermost cause: the container wraps a failure in EJB and transaction
     * exceptions whose own messages say only that something failed.
     */
    public static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}

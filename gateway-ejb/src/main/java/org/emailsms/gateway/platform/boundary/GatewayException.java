package org.emailsms.gateway.platform.boundary;

/** An expected business failure with a stable code; subclasses read as sentences. */
public abstract class GatewayException extends Exception {

    private static final long serialVersionUID = 1L;

    protected GatewayException(String message) {
        super(message);
    }

    public abstract ErrorCode code();
}

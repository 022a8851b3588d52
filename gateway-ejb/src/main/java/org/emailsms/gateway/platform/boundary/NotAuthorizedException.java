package org.emailsms.gateway.platform.boundary;

import jakarta.ejb.ApplicationException;

/** The caller's role does not allow this, or the target belongs to another company. */
@ApplicationException(rollback = true)
public class NotAuthorizedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public NotAuthorizedException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.NOT_AUTHORIZED;
    }
}

package org.emailsms.gateway.account.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** Wrong credentials or an unknown serial. Does not roll back: the failed attempt must stay counted. */
@ApplicationException(rollback = false)
public class AuthenticationFailedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public AuthenticationFailedException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.AUTH_FAILED;
    }
}

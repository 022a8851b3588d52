package org.emailsms.gateway.account.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/**
 * An activation that did not accept the licence's current version: the client shows it and asks
 * again. The transaction commits, so the login audit keeps the successful sign-in (and the cleared
 * failure count) of a user who gave the right password; no activation was written.
 */
@ApplicationException(rollback = false)
public class LicenceNotAcceptedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public LicenceNotAcceptedException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.LICENCE_NOT_ACCEPTED;
    }
}

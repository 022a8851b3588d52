package org.emailsms.gateway.account.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** The user, its department or its company is disabled. Does not roll back: the attempt stays audited. */
@ApplicationException(rollback = false)
public class AccountDisabledException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public AccountDisabledException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.ACCOUNT_DISABLED;
    }
}

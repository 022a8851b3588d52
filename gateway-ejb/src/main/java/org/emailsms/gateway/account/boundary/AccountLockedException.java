package org.emailsms.gateway.account.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** Too many failed attempts: the account is blocked for a while. Does not roll back: the attempt stays audited. */
@ApplicationException(rollback = false)
public class AccountLockedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public AccountLockedException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.ACCOUNT_LOCKED;
    }
}

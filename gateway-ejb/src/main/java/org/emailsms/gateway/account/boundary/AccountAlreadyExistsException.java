package org.emailsms.gateway.account.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** A company, department or user with that name exists already. */
@ApplicationException(rollback = true)
public class AccountAlreadyExistsException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public AccountAlreadyExistsException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.ALREADY_EXISTS;
    }
}

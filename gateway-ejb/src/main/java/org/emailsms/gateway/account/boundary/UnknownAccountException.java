package org.emailsms.gateway.account.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** The named company, department or user does not exist (or not for this caller). */
@ApplicationException(rollback = true)
public class UnknownAccountException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public UnknownAccountException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.NOT_FOUND;
    }
}

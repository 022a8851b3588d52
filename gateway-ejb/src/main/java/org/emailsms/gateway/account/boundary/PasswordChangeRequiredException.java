package org.emailsms.gateway.account.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/**
 * The password was right, but it was generated or reset for the user: until they choose their own
 * it opens nothing but the change. Thrown only after the password was checked, so it tells a guesser
 * nothing. Does not roll back: the attempt stays audited.
 */
@ApplicationException(rollback = false)
public class PasswordChangeRequiredException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public PasswordChangeRequiredException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.PASSWORD_CHANGE_REQUIRED;
    }
}

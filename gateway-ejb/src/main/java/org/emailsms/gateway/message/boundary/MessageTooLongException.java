package org.emailsms.gateway.message.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** The text needs more segments than the company allows (or splitting is off); nothing was sent. */
@ApplicationException(rollback = true)
public class MessageTooLongException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public MessageTooLongException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.MESSAGE_TOO_LONG;
    }
}

package org.emailsms.gateway.platform.boundary;

import jakarta.ejb.ApplicationException;

/** A field of the request is missing or malformed; nothing was changed. */
@ApplicationException(rollback = true)
public class InvalidRequestException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_REQUEST;
    }
}

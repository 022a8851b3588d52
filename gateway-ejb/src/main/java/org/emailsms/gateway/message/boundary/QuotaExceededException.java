package org.emailsms.gateway.message.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** The company's or the department's daily quota cannot take the request; nothing was sent. */
@ApplicationException(rollback = true)
public class QuotaExceededException extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final int dailyQuota;

    public QuotaExceededException(String message, int dailyQuota) {
        super(message);
        this.dailyQuota = dailyQuota;
    }

    /** The quota that was reached, in SMS segments a day. */
    public int dailyQuota() {
        return dailyQuota;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.QUOTA_EXCEEDED;
    }
}

package org.emailsms.gateway.oms.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/**
 * The user may not use Outlook's text messaging: the company has it switched off, or the user is a
 * provider administrator (who belongs to no company and sends nothing). Does not roll back: the
 * sign-in before it stays audited.
 */
@ApplicationException(rollback = false)
public class OutlookNotEnabledException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public OutlookNotEnabledException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.NOT_AUTHORIZED;
    }
}

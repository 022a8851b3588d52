package org.emailsms.gateway.oms.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** The company does not accept this kind of automatic message (reminders, say) from Outlook or SharePoint. */
@ApplicationException(rollback = true)
public class SourceNotAcceptedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public SourceNotAcceptedException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.NOT_AUTHORIZED;
    }
}

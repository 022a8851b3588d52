package org.emailsms.gateway.oms.boundary;

import jakarta.ejb.ApplicationException;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** A service the gateway does not offer, such as MMS: it sends text messages (SMS_SENDER) only. */
@ApplicationException(rollback = true)
public class ServiceNotOfferedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final String service;

    public ServiceNotOfferedException(String service) {
        super("This gateway sends text messages (SMS_SENDER) only, not " + service + ".");
        this.service = service;
    }

    public String service() {
        return service;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_REQUEST;
    }
}

package org.emailsms.gateway.ws.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.xml.ws.WebFault;

import org.emailsms.gateway.platform.boundary.ErrorCode;
import org.emailsms.gateway.platform.boundary.GatewayException;

/** The one fault of the API; its {@link GatewayFaultInfo#getCode() code} says which failure it is. */
@WebFault(name = "GatewayFault", targetNamespace = Namespaces.V1)
public class GatewayFault extends Exception {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GatewayFault.class.getName());

    private final GatewayFaultInfo faultInfo;

    public GatewayFault(String message, GatewayFaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public GatewayFault(ErrorCode code, String message) {
        this(message, new GatewayFaultInfo(code.name(), message));
    }

    public static GatewayFault of(GatewayException e) {
        return new GatewayFault(e.code(), e.getMessage());
    }

    /** An unexpected failure: logged in full here, reported without internals to the client. */
    public static GatewayFault internal(RuntimeException e) {
        LOG.log(Level.SEVERE, "Unexpected failure in a SOAP call", e);
        return new GatewayFault(ErrorCode.INTERNAL_ERROR,
                "The gateway could not complete the request; nothing was changed. Try again later.");
    }

    public GatewayFaultInfo getFaultInfo() {
        return faultInfo;
    }
}

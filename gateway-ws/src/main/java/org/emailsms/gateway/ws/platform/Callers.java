package org.emailsms.gateway.ws.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;

import org.emailsms.gateway.platform.boundary.HttpHardeningFilter;

/**
 * Who is calling, as far as the transport can tell: the login audit keeps the client's IP (behind a
 * trusted reverse proxy, the address it forwarded).
 */
public final class Callers {

    private Callers() {
    }

    public static String clientIp(WebServiceContext context) {
        Object request = context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        return request instanceof HttpServletRequest http ? HttpHardeningFilter.clientAddress(http) : null;
    }
}

package org.emailsms.gateway.ws.oms;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * In front of {@code /ws/oms}: a request in SOAP 1.2 ({@code application/soap+xml}) goes to the
 * SOAP 1.2 endpoint at the same address plus "12", so that one address serves both versions, as
 * Outlook's and other clients' expectations have it. Metro binds an endpoint to one SOAP version.
 */
public class Soap12Dispatch implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("application/soap+xml")) {
            String path = http.getRequestURI().substring(http.getContextPath().length());
            request.getRequestDispatcher(path + "12").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}

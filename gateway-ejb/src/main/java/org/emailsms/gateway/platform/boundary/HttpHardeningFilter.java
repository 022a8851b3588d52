package org.emailsms.gateway.platform.boundary;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.ConfigProvider;
import org.emailsms.gateway.platform.control.TrustedProxies;

/**
 * In front of every web module (declared in each web.xml): the headers browsers expect of an
 * application that holds credentials, and the real client's address behind a trusted reverse
 * proxy, so that the login audit and the sign-in limits see the client, not the proxy.
 *
 * <ul>
 * <li>{@code Strict-Transport-Security} on HTTPS responses: a browser that once came over HTTPS
 * never falls back to plain HTTP for this host;</li>
 * <li>{@code X-Frame-Options: DENY} and {@code frame-ancestors 'none'}: no page of the gateway can be
 * framed by another site (clickjacking);</li>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: same-origin};</li>
 * <li>{@code Cache-Control: no-store} on the portal's pages (the welcome page too) and its CSV
 * downloads, so Back after signing out shows nothing of the administrator's pages and no cache keeps
 * their data;</li>
 * <li>a bound on every request body, before anything parses it: {@code gateway.http.max-request-size}
 * (4 MB) for sending, activation and Outlook, {@code gateway.http.max-provisioning-request-size}
 * (16 MB) for provisioning's lists and the portal's uploads. A body declared larger is answered 413
 * unread; one that does not declare its length fails once it passes the bound;</li>
 * <li>403 for a path not written plainly ({@code //}, {@code /./}, {@code ;params}, encoded dots or
 * slashes): the security constraints match paths by their text, and such a path could reach a page
 * under a name no constraint lists.</li>
 * </ul>
 */
public class HttpHardeningFilter implements Filter {

    static final String HSTS = "max-age=31536000";
    private static final String CLIENT_ADDRESS = HttpHardeningFilter.class.getName() + ".client";
    private static final String SECURE = HttpHardeningFilter.class.getName() + ".secure";

    private TrustedProxies proxies;
    private long maxRequestSize;
    private long maxProvisioningRequestSize;

    @Override
    public void init(FilterConfig config) {
        maxRequestSize = ConfigProvider.getConfig().getOptionalValue("gateway.http.max-request-size", Long.class)
                .orElse(4L << 20);
        maxProvisioningRequestSize = ConfigProvider.getConfig()
                .getOptionalValue("gateway.http.max-provisioning-request-size", Long.class).orElse(16L << 20);
        List<String> entries = ConfigProvider.getConfig()
                .getOptionalValues("gateway.http.trusted-proxies", String.class).orElse(List.of());
        proxies = TrustedProxies.of(entries);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest incoming) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest http = incoming;
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("X-Frame-Options", "DENY");
        answer.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        answer.setHeader("Referrer-Policy", "same-origin");
        if (http.isSecure()) {
            answer.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = http.getRequestURI();
        if (!isPlain(path)) {
            answer.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        long limit = path.startsWith("/ws/") && !path.startsWith("/ws/provisioning") ? maxRequestSize
                : maxProvisioningRequestSize;
        if (http.getContentLengthLong() > limit) {
            // Unread: the connection is closed rather than the rest of the body swallowed.
            answer.setHeader("Connection", "close");
            answer.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "A request to " + path + " may have at most " + limit + " bytes.");
            return;
        }
        if (http.getContentLengthLong() < 0 && !"GET".equals(http.getMethod()) && !"HEAD".equals(http.getMethod())) {
            http = new BoundedRequest(http, limit);
        }
        // The portal's pages, its welcome page under the bare directory, and its CSV downloads.
        if (path.endsWith(".xhtml") || path.endsWith("/") || path.endsWith(".csv")) {
            answer.setHeader("Cache-Control", "no-store");
        }
        String client = proxies.clientOf(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
        // An attribute too: code handed the container's own request object (an injected
        // HttpServletRequest) sees the attribute, not this filter's wrapper.
        http.setAttribute(CLIENT_ADDRESS, client);
        // A TLS-terminating proxy of the operator's says the client came over HTTPS.
        http.setAttribute(SECURE, http.isSecure() || proxies.trusts(http.getRemoteAddr())
                && "https".equalsIgnoreCase(http.getHeader("X-Forwarded-Proto")));
        chain.doFilter(client.equals(http.getRemoteAddr()) ? http : new ForwardedRequest(http, client), response);
    }

    /** A body of undeclared length (chunked) that is read only up to the bound, then fails. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream bounded;

        BoundedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                ServletInputStream body = super.getInputStream();
                bounded = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new IOException("The request body is larger than " + limit + " bytes.");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return bounded;
        }
    }

    /** A path with no empty, dot or parameter segment and no encoded dot, slash or backslash. */
    static boolean isPlain(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return !(lower.contains("//") || lower.contains("/./") || lower.contains("/../") || lower.endsWith("/.")
                || lower.endsWith("/..") || lower.contains(";") || lower.contains("\\") || lower.contains("%2e")
                || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25"));
    }

    /**
     * Whether the client's request was encrypted all the way to this server or to one of the
     * operator's trusted proxies that terminates TLS and says so in {@code X-Forwarded-Proto}.
     */
    public static boolean cameOverHttps(HttpServletRequest request) {
        return request.getAttribute(SECURE) instanceof Boolean secure ? secure : request.isSecure();
    }

    /** The client's address as this filter resolved it, else the peer's. */
    public static String clientAddress(HttpServletRequest request) {
        return request.getAttribute(CLIENT_ADDRESS) instanceof String client ? client : request.getRemoteAddr();
    }

    /** The request as the client made it: its address from a trusted proxy's header. */
    private static final class ForwardedRequest extends HttpServletRequestWrapper {

        private final String client;

        ForwardedRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}

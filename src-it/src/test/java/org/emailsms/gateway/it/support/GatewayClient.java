package org.emailsms.gateway.it.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;

import org.emailsms.gateway.it.client.account.Account;
import org.emailsms.gateway.it.client.account.AccountService;
import org.emailsms.gateway.it.client.message.MessageService;
import org.emailsms.gateway.it.client.message.Messaging;
import org.emailsms.gateway.it.client.provisioning.Credentials;
import org.emailsms.gateway.it.client.provisioning.Provisioning;
import org.emailsms.gateway.it.client.provisioning.ProvisioningService;

/**
 * A client of one running gateway: SOAP ports made once and reused (as the add-ins do), and plain
 * HTTP for the WSDL and health. The gateway's certificate is self-signed, so this client trusts any.
 *
 * <p>Each client stands for a client machine of its own: its requests carry
 * {@code X-Forwarded-For} with an address of the benchmarking range 198.18.0.0/15, which the test
 * gateways believe because they trust the loopback address as their reverse proxy. So the sign-in
 * limits per client address count each test apart, and a test can be two clients at once.
 */
public final class GatewayClient {

    static {
        // java.net.http checks host names unless told not to; the test server's certificate names another host.
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
    }

    private static final SSLContext TRUST_ALL = trustAll();
    private static final HostnameVerifier ANY_HOST = (host, session) -> true;

    private final int httpPort;
    private final int httpsPort;
    private final Account account;
    private final Provisioning provisioning;
    private final Messaging messaging;
    private final HttpClient http;
    private final String address;

    public GatewayClient(int httpPort, int httpsPort) {
        this(httpPort, httpsPort, randomAddress());
    }

    private GatewayClient(int httpPort, int httpsPort, String address) {
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.address = address;
        this.account = secured(new AccountService().getAccountPort(), "/ws/account");
        this.provisioning = secured(new ProvisioningService().getProvisioningPort(), "/ws/provisioning");
        // Sending goes over HTTPS: the serial it carries is as good as a password for sending.
        this.messaging = newMessagingPort();
        this.http = HttpClient.newBuilder().sslContext(TRUST_ALL).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same gateway, as another client machine with the given address. */
    public GatewayClient as(String clientAddress) {
        return new GatewayClient(httpPort, httpsPort, clientAddress);
    }

    /** The address this client's requests say they come from. */
    public String address() {
        return address;
    }

    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** The gateway the current failsafe execution deployed. */
    public static GatewayClient underTest() {
        return new GatewayClient(Integer.getInteger("it.http.port"), Integer.getInteger("it.https.port"));
    }

    public Account account() {
        return account;
    }

    public Provisioning provisioning() {
        return provisioning;
    }

    public Messaging messaging() {
        return messaging;
    }

    /** A port of its own for one client thread: Metro ports are not shared between threads. */
    public Messaging newMessagingPort() {
        return secured(new MessageService().getMessagePort(), "/ws/message");
    }

    /**
     * A messaging port over plain HTTP, as old add-ins send: refused (and the serial revoked) unless
     * the gateway runs with {@code gateway.message.require-https=false}.
     */
    public Messaging newMessagingPortOverHttp() {
        Messaging port = new MessageService().getMessagePort();
        ((BindingProvider) port).getRequestContext()
                .put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, http("/ws/message").toString());
        return forwarded(port);
    }

    public Credentials administrator() {
        Credentials credentials = new Credentials();
        credentials.setUsername("admin");
        credentials.setPassword(System.getProperty("it.admin.password"));
        return credentials;
    }

    public URI http(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    public URI https(String path) {
        return URI.create("https://localhost:" + httpsPort + path);
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", address).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as a signed-in browser makes it: with the session cookie. */
    public HttpResponse<String> get(URI uri, String cookie) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Cookie", cookie)
                .header("X-Forwarded-For", address).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A SOAP 1.2 request written by hand: the action travels in the content type, not in SOAPAction. */
    public HttpResponse<String> postSoap12(URI uri, String action, String envelope) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"")
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A form post with an Authorization header, from this machine (no forwarded address). */
    public HttpResponse<String> postForm(URI uri, String authorization, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A SOAP 1.1 request written by hand, as clients without a generated stub (Outlook) send it. */
    public HttpResponse<String> postSoap(URI uri, String soapAction, String envelope) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + soapAction + "\"")
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts a body made as it is sent: {@code head}, then {@code middle} {@code times} over, then
     * {@code tail}, its length declared or not (chunked). The status, or -1 when no answer came
     * (the connection closed, or a minute passed).
     */
    public int postRepeated(URI uri, String head, String middle, long times, String tail, boolean declareLength)
            throws InterruptedException {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] unit = middle.getBytes(StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        long length = start.length + unit.length * times + end.length;
        Supplier<InputStream> body = () -> new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(start), new RepeatedInputStream(unit, times), new ByteArrayInputStream(end))));
        HttpRequest.BodyPublisher publisher = declareLength
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length)
                : HttpRequest.BodyPublishers.ofInputStream(body);
        // HTTP/1.1, as SOAP clients post; a declared length asks to continue before the body, so that
        // an answer given before it is read (over HTTP/2, or without the question, the client keeps
        // sending first). A chunked body is read by the server up to its bound, then answered.
        HttpRequest request = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1).expectContinue(declareLength)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .header("X-Forwarded-For", address).POST(publisher).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closed) {
            return -1;
        }
    }

    /** The same bytes over and over, without holding more than one copy. */
    private static final class RepeatedInputStream extends InputStream {

        private final byte[] unit;
        private long remaining;
        private int at;

        RepeatedInputStream(byte[] unit, long times) {
            this.unit = unit;
            this.remaining = unit.length * times;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, remaining), unit.length - at);
            System.arraycopy(unit, at, buffer, offset, n);
            at = (at + n) % unit.length;
            remaining -= n;
            return n;
        }
    }

    private <T> T secured(T port, String path) {
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, https(path).toString());
        context.put("com.sun.xml.ws.transport.https.client.SSLSocketFactory", TRUST_ALL.getSocketFactory());
        context.put("com.sun.xml.ws.transport.https.client.hostname.verifier", ANY_HOST);
        context.put("com.sun.xml.ws.connect.timeout", 10_000);
        context.put("com.sun.xml.ws.request.timeout", 60_000);
        return forwarded(port);
    }

    private <T> T forwarded(T port) {
        ((BindingProvider) port).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS,
                Map.of("X-Forwarded-For", List.of(address)));
        return port;
    }

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.emailsms.client;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;

import org.emailsms.client.soap.account.Account;
import org.emailsms.client.soap.account.AccountDetails;
import org.emailsms.client.soap.account.AccountService;
import org.emailsms.client.soap.account.LicenceInfo;
import org.emailsms.client.soap.message.DictionaryWord;
import org.emailsms.client.soap.message.HistoryPage;
import org.emailsms.client.soap.message.MessagePreview;
import org.emailsms.client.soap.message.MessageService;
import org.emailsms.client.soap.message.MessageStatus;
import org.emailsms.client.soap.message.Messaging;
import org.emailsms.client.soap.message.RecipientResult;
import org.emailsms.client.soap.message.SendOptions;

/**
 * One gateway, through the SOAP API its WSDLs describe (the classes under
 * {@code org.emailsms.client.soap} are generated from them at build time). Faults become
 * {@link GatewayException}s with the gateway's code; a gateway that cannot be reached is
 * {@code UNREACHABLE}. A {@code send} always carries a request id of its own and is sent again with
 * the same id after a timeout, so it never sends twice. Not for use by several threads at once.
 */
public final class SmsGateway {

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int REQUEST_TIMEOUT_MS = 60_000;
    private static final int SEND_ATTEMPTS = 3;

    private final URI server;
    private final Account account;
    private final Messaging messaging;

    private SmsGateway(URI server, boolean trustAnyCertificate) {
        this.server = server;
        this.account = configure(new AccountService().getAccountPort(), "/ws/account", trustAnyCertificate);
        this.messaging = configure(new MessageService().getMessagePort(), "/ws/message", trustAnyCertificate);
    }

    /**
     * @param server              the gateway's base address, such as {@code https://sms.example.com}
     * @param trustAnyCertificate accept a certificate nobody vouches for (a test gateway's own); never
     *                            for a gateway reached over a network others share
     */
    public static SmsGateway at(URI server, boolean trustAnyCertificate) {
        return new SmsGateway(server, trustAnyCertificate);
    }

    public URI server() {
        return server;
    }

    /** The licence to show before activating. */
    public LicenceInfo licence() throws GatewayException {
        return call(account::getLicence);
    }

    /** A new serial for the user, who accepted {@code licenceVersion} of the licence. */
    public String activate(String username, String password, String clientInfo, String licenceVersion)
            throws GatewayException {
        return call(() -> account.activate(username, password, clientInfo, licenceVersion));
    }

    /**
     * The user replaces their password (a password given to them must be, before it activates
     * anything); their other add-ins are signed out unless {@code keepActivations}.
     */
    public void changePassword(String username, String currentPassword, String newPassword, boolean keepActivations)
            throws GatewayException {
        call(() -> {
            account.changePassword(username, currentPassword, newPassword, keepActivations);
            return null;
        });
    }

    public AccountDetails account(String serial) throws GatewayException {
        return call(() -> account.getAccount(serial));
    }

    public void deactivate(String serial) throws GatewayException {
        call(() -> {
            account.deactivate(serial);
            return null;
        });
    }

    public MessagePreview preview(String serial, String text, boolean compress) throws GatewayException {
        return call(() -> messaging.previewMessage(serial, text, compress));
    }

    /** Sends {@code text}; a timeout is retried with the same request id, which the gateway answers only once. */
    public List<RecipientResult> send(String serial, List<String> recipients, String text, SendOptions options)
            throws GatewayException {
        SendOptions how = options == null ? new SendOptions() : options;
        if (how.getRequestId() == null) {
            how.setRequestId(UUID.randomUUID().toString());
        }
        GatewayException last = null;
        for (int attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
            try {
                return call(() -> messaging.sendMessage(serial, recipients, text, how));
            } catch (GatewayException e) {
                if (!GatewayException.UNREACHABLE.equals(e.code())) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    public List<MessageStatus> status(String serial, List<Long> messageIds) throws GatewayException {
        return call(() -> messaging.getStatus(serial, messageIds));
    }

    public HistoryPage history(String serial, String since, int max) throws GatewayException {
        return call(() -> messaging.getHistory(serial, since, max));
    }

    public List<DictionaryWord> dictionary(String serial) throws GatewayException {
        return call(() -> messaging.getDictionary(serial));
    }

    public DictionaryWord addWord(String serial, String word, String replacement) throws GatewayException {
        return call(() -> messaging.addDictionaryWord(serial, word, replacement));
    }

    public boolean removeWord(String serial, String word) throws GatewayException {
        return call(() -> messaging.removeDictionaryWord(serial, word));
    }

    private interface SoapCall<T> {
        T call() throws Exception;
    }

    private static <T> T call(SoapCall<T> call) throws GatewayException {
        try {
            return call.call();
        } catch (org.emailsms.client.soap.account.GatewayFault fault) {
            throw new GatewayException(fault.getFaultInfo().getCode(), fault.getFaultInfo().getMessage());
        } catch (org.emailsms.client.soap.message.GatewayFault fault) {
            throw new GatewayException(fault.getFaultInfo().getCode(), fault.getFaultInfo().getMessage());
        } catch (WebServiceException e) {
            throw new GatewayException(GatewayException.UNREACHABLE, "The gateway cannot be reached: " + rootMessage(e), e);
        } catch (Exception e) {
            throw new GatewayException("INTERNAL_ERROR", "The gateway's answer was not understood: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private <T> T configure(T port, String path, boolean trustAnyCertificate) {
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, server.resolve(path).toString());
        context.put("com.sun.xml.ws.connect.timeout", CONNECT_TIMEOUT_MS);
        context.put("com.sun.xml.ws.request.timeout", REQUEST_TIMEOUT_MS);
        if (trustAnyCertificate) {
            context.put("com.sun.xml.ws.transport.https.client.SSLSocketFactory", trustAll().getSocketFactory());
            context.put("com.sun.xml.ws.transport.https.client.hostname.verifier",
                    (javax.net.ssl.HostnameVerifier) (host, session) -> true);
        }
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
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

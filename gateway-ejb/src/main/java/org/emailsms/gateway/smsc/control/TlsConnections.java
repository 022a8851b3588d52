package org.emailsms.gateway.smsc.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * Connections to an SMSC over TLS for jsmpp: the certificate is checked against the carrier's trust
 * store and the host name bound to (as HTTPS checks it), and the handshake completes before the
 * bind, so that a certificate that does not match fails the bind with the reason, not the first PDU.
 */
final class TlsConnections implements ConnectionFactory {

    private final SSLSocketFactory sockets;
    private final Duration connectTimeout;

    TlsConnections(CarrierSettings.Tls tls, Duration connectTimeout) {
        this.sockets = context(tls).getSocketFactory();
        this.connectTimeout = connectTimeout;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            SSLSocket socket = (SSLSocket) sockets.createSocket(plain, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return new SocketConnection(socket);
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    private static SSLContext context(CarrierSettings.Tls tls) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (tls.trustStore().isPresent()) {
                char[] password = tls.trustStorePassword().toCharArray();
                trust.init(KeyStore.getInstance(tls.trustStore().get().toFile(), password));
            } else {
                trust.init((KeyStore) null);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the trust store "
                    + tls.trustStore().map(Object::toString).orElse("(the JDK's)") + ": " + e.getMessage(), e);
        }
    }
}

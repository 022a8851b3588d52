package org.emailsms.gateway.smsc.boundary;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.emailsms.gateway.smsc.control.SimulatedSmsc;
import org.emailsms.gateway.smsc.control.SmscSettings;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * With no SMSC configured, a newcomer's gateway still works end to end: it binds to this local
 * SMSC simulator, on the loopback interface only, which acknowledges every message (and reports it
 * delivered when a receipt is asked for). Nothing reaches a phone, and the log says so.
 */
@Singleton
@Startup
public class SmscSimulator {

    private static final Logger LOG = Logger.getLogger(SmscSimulator.class.getName());
    private static final int BACKLOG = 50;

    @Inject
    SmscSettings settings;

    @Resource
    ManagedExecutorService executor;

    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private SMPPServerSessionListener listener;
    private volatile boolean running;

    @PostConstruct
    void start() {
        if (!settings.isSimulated()) {
            return;
        }
        try {
            listener = new SMPPServerSessionListener(settings.simulatorPort(), new LoopbackOnly());
            listener.setMessageReceiverListener(new SimulatedSmsc(executor));
            running = true;
            executor.submit(this::acceptBinds);
            LOG.warning(() -> "No SMSC configured (gateway.smsc.host): using the built-in SMSC simulator on 127.0.0.1:"
                    + settings.simulatorPort() + ". It acknowledges every message; nothing reaches a phone.");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot start the SMSC simulator on port " + settings.simulatorPort()
                    + " (set gateway.smsc.simulator-port, or gateway.smsc.host for a real SMSC)", e);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        sessions.forEach(SMPPServerSession::unbindAndClose);
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the simulator's socket", e);
            }
        }
    }

    private void acceptBinds() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                executor.submit(() -> bind(session));
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, "SMSC simulator stopped accepting binds", e);
                }
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            session.waitForBind(TimeUnit.SECONDS.toMillis(30)).accept("simulator");
        } catch (Exception e) {
            LOG.log(Level.FINE, "a bind to the simulator failed", e);
            session.unbindAndClose();
            sessions.remove(session);
        }
    }

    /** The simulator is for this machine only: it listens on the loopback address. */
    private static final class LoopbackOnly implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, BACKLOG);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }
}

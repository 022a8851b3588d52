package org.emailsms.gateway.admin.operations;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.emailsms.gateway.inbound.boundary.ReplyService;
import org.emailsms.gateway.inbound.boundary.UnroutedReply;
import org.emailsms.gateway.mail.boundary.MailBacklog;
import org.emailsms.gateway.mail.boundary.MailBacklog.PendingMail;
import org.emailsms.gateway.smsc.boundary.OutboundBacklog;
import org.emailsms.gateway.smsc.control.SmppConnector;

/**
 * What the provider's operators watch (provider administrators only, by the page's security
 * constraint): the SMPP binds, the messages waiting for the SMSC, the mail outbox and the replies
 * that belonged to no one.
 */
@Named
@ViewScoped
public class OperationsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int ROWS = 200;

    @EJB
    transient SmppConnector connector;

    @EJB
    transient OutboundBacklog outbound;

    @EJB
    transient MailBacklog mail;

    @EJB
    transient ReplyService replies;

    private Map<String, String> binds;
    private long waitingMessages;
    private long pendingMail;
    private long retryingMail;
    private List<PendingMail> outbox;
    private List<UnroutedReply> unrouted;

    @PostConstruct
    public void init() {
        binds = new TreeMap<>(connector.bindStates());
        waitingMessages = outbound.waiting();
        pendingMail = mail.pending();
        retryingMail = mail.retrying();
        outbox = mail.oldestPending(ROWS);
        unrouted = replies.unrouted(ROWS);
    }

    public List<Map.Entry<String, String>> getBinds() {
        return List.copyOf(binds.entrySet());
    }

    public long getWaitingMessages() {
        return waitingMessages;
    }

    public long getPendingMail() {
        return pendingMail;
    }

    public long getRetryingMail() {
        return retryingMail;
    }

    public List<PendingMail> getOutbox() {
        return outbox;
    }

    public List<UnroutedReply> getUnrouted() {
        return unrouted;
    }
}

package org.emailsms.gateway.admin.operations;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.security.Caller;
import org.emailsms.gateway.inbound.boundary.InboundBacklog;
import org.emailsms.gateway.inbound.boundary.InboundBacklog.GivenUpPdu;
import org.emailsms.gateway.inbound.boundary.ReplyService;
import org.emailsms.gateway.inbound.boundary.UnroutedReply;
import org.emailsms.gateway.mail.boundary.MailBacklog;
import org.emailsms.gateway.mail.boundary.MailBacklog.MailRecord;
import org.emailsms.gateway.mail.boundary.MailBacklog.PendingMail;
import org.emailsms.gateway.message.boundary.MessageService;
import org.emailsms.gateway.message.boundary.RouteAdministration;
import org.emailsms.gateway.message.boundary.RouteRule;
import org.emailsms.gateway.retention.boundary.RetentionJob;
import org.emailsms.gateway.smsc.boundary.CarrierOverview;
import org.emailsms.gateway.smsc.boundary.NodeBinds;
import org.emailsms.gateway.smsc.boundary.NodeBinds.NodeBind;
import org.emailsms.gateway.smsc.boundary.OutboundBacklog;
import org.omnifaces.util.Messages;

/**
 * What the provider's operators watch (provider administrators only: the page's security
 * constraint, and the boundaries' own check of the caller): the SMPP binds of every node, the messages waiting for the SMSC, the mail outbox, the replies
 * that belonged to no one, the receipts and replies from the SMSC that could not be processed, and
 * the retention job's archive runs.
 */
@Named
@ViewScoped
public class OperationsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int ROWS = 200;

    @EJB
    transient NodeBinds nodes;

    @EJB
    transient OutboundBacklog outbound;

    @EJB
    transient MailBacklog mail;

    @EJB
    transient ReplyService replies;

    @EJB
    transient InboundBacklog inbound;

    @EJB
    transient MessageService messages;

    @EJB
    transient RetentionJob retention;

    @EJB
    transient CarrierOverview carrierOverview;

    @EJB
    transient RouteAdministration routeAdministration;

    @Inject
    Caller caller;

    private List<NodeBind> binds;
    private List<CarrierOverview.CarrierState> carriers;
    private List<RouteRule> routes;
    private long waitingMessages;
    private long withoutReplyPath;
    private long pendingMail;
    private long retryingMail;
    private List<PendingMail> outbox;
    private String mailSearch;
    private List<MailRecord> mailFound;
    private List<UnroutedReply> unrouted;
    private long waitingInbound;
    private long givenUpInbound;
    private List<GivenUpPdu> givenUp;
    private RetentionJob.Status retentionStatus;

    @PostConstruct
    public void init() {
        binds = nodes.all();
        carriers = carrierOverview.carriers();
        waitingMessages = outbound.waiting();
        withoutReplyPath = messages.sentWithoutReplyPath(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
        pendingMail = mail.pending();
        retryingMail = mail.retrying();
        waitingInbound = inbound.waiting();
        givenUpInbound = inbound.givenUp();
        retentionStatus = retention.status(10);
        // The page's URL is guarded too, but the lists are the boundaries' to refuse.
        String actor = caller.getName();
        Actions.run(() -> {
            routes = routeAdministration.routes(actor);
            outbox = mail.oldestPending(actor, ROWS);
            unrouted = replies.unrouted(actor, ROWS);
            givenUp = inbound.latestGivenUp(actor, ROWS);
        }, null);
    }

    /** Archives and deletes what has passed its period now, on this node, rather than at the next daily run. */
    public void runRetentionNow() {
        Actions.run(() -> {
            if (retention.runNow(caller.getName())) {
                Messages.addGlobalInfo("The retention job has started on this node; reload the page to follow it.");
            } else if (!retentionStatus.archiving()) {
                Messages.addGlobalWarn("Nothing is archived or deleted: " + retentionStatus.archive());
            } else {
                Messages.addGlobalWarn("The retention job is already running on this node.");
            }
        }, null);
        init();
    }

    /** The newest emails, sent or waiting, to addresses containing what the operator typed. */
    public void findMail() {
        if (mailSearch == null || mailSearch.isBlank()) {
            Messages.addGlobalWarn("Type part of an email address to search for.");
            mailFound = null;
            return;
        }
        mailFound = List.of();
        Actions.run(() -> mailFound = mail.find(caller.getName(), mailSearch, ROWS), null);
        if (mailFound.isEmpty()) {
            Messages.addGlobalInfo("No email to an address containing '" + mailSearch.strip() + "'.");
        }
    }

    public String getMailSearch() {
        return mailSearch;
    }

    public void setMailSearch(String mailSearch) {
        this.mailSearch = mailSearch;
    }

    public List<MailRecord> getMailFound() {
        return mailFound;
    }

    /** After the operator has mended what made them fail. */
    public void retryGivenUp() {
        Actions.run(() -> {
            int due = inbound.retryGivenUp(caller.getName());
            Messages.addGlobalInfo(due == 1 ? "1 given-up PDU will be tried again."
                    : due + " given-up PDUs will be tried again.");
        }, null);
        init();
    }

    public RetentionJob.Status getRetention() {
        return retentionStatus;
    }

    public List<CarrierOverview.CarrierState> getCarriers() {
        return carriers;
    }

    public List<RouteRule> getRoutes() {
        return routes;
    }

    public List<NodeBind> getBinds() {
        return binds;
    }

    public long getWithoutReplyPath() {
        return withoutReplyPath;
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

    public long getWaitingInbound() {
        return waitingInbound;
    }

    public long getGivenUpInbound() {
        return givenUpInbound;
    }

    public List<GivenUpPdu> getGivenUp() {
        return givenUp;
    }
}

package org.emailsms.gateway.ws.metrics;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.emailsms.gateway.inbound.boundary.InboundBacklog;
import org.emailsms.gateway.inbound.control.InboundStatistics;
import org.emailsms.gateway.mail.boundary.MailBacklog;
import org.emailsms.gateway.smsc.boundary.OutboundBacklog;
import org.emailsms.gateway.smsc.control.DeliveryStatistics;
import org.emailsms.gateway.platform.control.NodeName;

/**
 * Publishes the delivery path on {@code /metrics}: SMPP parts submitted and acknowledged, failed
 * attempts and aborted messages since start, the messages waiting for the SMSC, receipts and
 * replies processed (and receipts that came before their acknowledgement), stored PDUs waiting or
 * given up, and the emails waiting in the outbox (and of those, the ones already tried: the SMTP
 * server is in trouble).
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    DeliveryStatistics statistics;

    @EJB
    OutboundBacklog backlog;

    @EJB
    MailBacklog mail;

    @Inject
    InboundStatistics inbound;

    @EJB
    InboundBacklog inboundBacklog;

    @Inject
    NodeName node;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(id("gateway.smpp.submitted"), statistics, DeliveryStatistics::submittedCount);
        registry.gauge(id("gateway.smpp.acknowledged"), statistics, DeliveryStatistics::acknowledgedCount);
        registry.gauge(id("gateway.messages.failed.attempts"), statistics, DeliveryStatistics::failedAttemptCount);
        registry.gauge(id("gateway.messages.aborted"), statistics, DeliveryStatistics::abortedCount);
        registry.gauge(id("gateway.messages.waiting"), backlog, OutboundBacklog::waiting);
        registry.gauge(id("gateway.inbound.receipts"), inbound, InboundStatistics::receiptCount);
        registry.gauge(id("gateway.inbound.replies"), inbound, InboundStatistics::replyCount);
        registry.gauge(id("gateway.inbound.receipts.early"), inbound, InboundStatistics::earlyReceiptCount);
        registry.gauge(id("gateway.inbound.waiting"), inboundBacklog, InboundBacklog::waiting);
        registry.gauge(id("gateway.inbound.given.up"), inboundBacklog, InboundBacklog::givenUp);
        registry.gauge(id("gateway.mail.pending"), mail, MailBacklog::pending);
        registry.gauge(id("gateway.mail.retrying"), mail, MailBacklog::retrying);
    }

    /** Labelled with the node, so that the figures of several nodes can be told apart and summed. */
    private MetricID id(String name) {
        return new MetricID(name, new Tag("node", node.get()));
    }
}

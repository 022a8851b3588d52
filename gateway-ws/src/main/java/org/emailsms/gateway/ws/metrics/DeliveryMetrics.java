package org.emailsms.gateway.ws.metrics;

import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.emailsms.gateway.inbound.boundary.InboundBacklog;
import org.emailsms.gateway.inbound.control.InboundStatistics;
import org.emailsms.gateway.mail.boundary.MailBacklog;
import org.emailsms.gateway.smsc.boundary.OutboundBacklog;
import org.emailsms.gateway.smsc.control.DeliveryStatistics;
import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.platform.control.CarrierNames;
import org.emailsms.gateway.platform.control.NodeName;

/**
 * Publishes the delivery path on {@code /metrics}: SMPP parts submitted and acknowledged, failed
 * attempts and aborted messages since start, the messages waiting for the SMSC, receipts and
 * replies processed (and receipts that came before their acknowledgement), stored PDUs waiting or
 * given up, and the emails waiting in the outbox (and of those, the ones already tried: the SMTP
 * server is in trouble); per carrier (label {@code carrier}), the parts it acknowledged, those it
 * did not take, its binds up on this node, and its final receipts of the last hour on this node
 * (and how many said delivered).
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

    @EJB
    SmppConnector connector;

    @Inject
    CarrierNames carriers;

    private static InboundStatistics.ReceiptTally receiptsInLastHour(InboundStatistics inbound, String carrier) {
        return inbound.receiptsInHourTo(Instant.now()).getOrDefault(carrier, new InboundStatistics.ReceiptTally(0, 0));
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(NodeLabel.id("gateway.smpp.submitted", node), statistics, DeliveryStatistics::submittedCount);
        registry.gauge(NodeLabel.id("gateway.smpp.acknowledged", node), statistics, DeliveryStatistics::acknowledgedCount);
        registry.gauge(NodeLabel.id("gateway.messages.failed.attempts", node), statistics, DeliveryStatistics::failedAttemptCount);
        registry.gauge(NodeLabel.id("gateway.messages.aborted", node), statistics, DeliveryStatistics::abortedCount);
        registry.gauge(NodeLabel.id("gateway.messages.waiting", node), backlog, OutboundBacklog::waiting);
        registry.gauge(NodeLabel.id("gateway.inbound.receipts", node), inbound, InboundStatistics::receiptCount);
        registry.gauge(NodeLabel.id("gateway.inbound.replies", node), inbound, InboundStatistics::replyCount);
        registry.gauge(NodeLabel.id("gateway.inbound.receipts.early", node), inbound, InboundStatistics::earlyReceiptCount);
        registry.gauge(NodeLabel.id("gateway.inbound.waiting", node), inboundBacklog, InboundBacklog::waiting);
        registry.gauge(NodeLabel.id("gateway.inbound.given.up", node), inboundBacklog, InboundBacklog::givenUp);
        registry.gauge(NodeLabel.id("gateway.mail.pending", node), mail, MailBacklog::pending);
        registry.gauge(NodeLabel.id("gateway.mail.retrying", node), mail, MailBacklog::retrying);
        // The names from the configuration: the connector, an EJB, cannot be called while CDI starts.
        for (String carrier : carriers.configured()) {
            registry.gauge(NodeLabel.id("gateway.carrier.acknowledged", node, carrier), statistics,
                    s -> s.acknowledgedBy(carrier));
            registry.gauge(NodeLabel.id("gateway.carrier.not.taken", node, carrier), statistics,
                    s -> s.notTakenBy(carrier));
            registry.gauge(NodeLabel.id("gateway.carrier.binds.bound", node, carrier), connector,
                    c -> c.boundBinds(carrier));
            registry.gauge(NodeLabel.id("gateway.carrier.receipts.last.hour", node, carrier), inbound,
                    i -> receiptsInLastHour(i, carrier).total());
            registry.gauge(NodeLabel.id("gateway.carrier.receipts.delivered.last.hour", node, carrier), inbound,
                    i -> receiptsInLastHour(i, carrier).delivered());
        }
    }
}

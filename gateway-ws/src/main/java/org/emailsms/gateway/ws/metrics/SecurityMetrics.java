package org.emailsms.gateway.ws.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.emailsms.gateway.account.control.SerialGuessGuard;
import org.emailsms.gateway.message.control.ReplyPathStatistics;
import org.emailsms.gateway.platform.control.NodeName;

/**
 * Publishes on {@code /metrics}, per node since start: unknown serial numbers shown to the gateway,
 * requests refused without a lookup because their address showed too many, and messages sent
 * one-way because every sender number was in another company's live conversation (pool exhausted).
 */
@ApplicationScoped
public class SecurityMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    SerialGuessGuard serials;

    @Inject
    ReplyPathStatistics replyPaths;

    @Inject
    NodeName node;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(NodeLabel.id("gateway.serial.unknown", node), serials, SerialGuessGuard::unknownCount);
        registry.gauge(NodeLabel.id("gateway.serial.refused.unchecked", node), serials, SerialGuessGuard::refusedCount);
        registry.gauge(NodeLabel.id("gateway.messages.without.reply.path", node), replyPaths, ReplyPathStatistics::withoutReplyPathCount);
    }
}

package org.emailsms.gateway.ws.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
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
        registry.gauge(id("gateway.serial.unknown"), serials, SerialGuessGuard::unknownCount);
        registry.gauge(id("gateway.serial.refused.unchecked"), serials, SerialGuessGuard::refusedCount);
        registry.gauge(id("gateway.messages.without.reply.path"), replyPaths, ReplyPathStatistics::withoutReplyPathCount);
    }

    /** Labelled with the node, so that the figures of several nodes can be told apart and summed. */
    private MetricID id(String name) {
        return new MetricID(name, new Tag("node", node.get()));
    }
}

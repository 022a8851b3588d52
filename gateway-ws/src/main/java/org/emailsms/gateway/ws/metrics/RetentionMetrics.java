package org.emailsms.gateway.ws.metrics;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.emailsms.gateway.platform.control.NodeName;
import org.emailsms.gateway.retention.boundary.RetentionJob;

/** Publishes on {@code /metrics}, per node since start: rows the retention job archived and deleted, and its failed runs. */
@ApplicationScoped
public class RetentionMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @EJB
    RetentionJob retention;

    @Inject
    NodeName node;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(NodeLabel.id("gateway.retention.archived.rows", node), retention, RetentionJob::archivedRows);
        registry.gauge(NodeLabel.id("gateway.retention.deleted.rows", node), retention, RetentionJob::deletedRows);
        registry.gauge(NodeLabel.id("gateway.retention.failures", node), retention, RetentionJob::failures);
    }
}

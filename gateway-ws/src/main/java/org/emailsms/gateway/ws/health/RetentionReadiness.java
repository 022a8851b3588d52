package org.emailsms.gateway.ws.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.emailsms.gateway.retention.boundary.RetentionJob;

/**
 * Whether old rows are archived and deleted, and if not why (no archive key: everything is kept).
 * Always UP: keeping everything never stops the gateway from sending.
 */
@Readiness
@ApplicationScoped
public class RetentionReadiness implements HealthCheck {

    @EJB
    RetentionJob retention;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("retention").up()
                .withData("archive", retention.archiving() ? "on" : "off")
                .withData("state", retention.archiveState())
                .build();
    }
}

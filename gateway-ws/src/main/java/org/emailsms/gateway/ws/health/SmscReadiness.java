package org.emailsms.gateway.ws.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.emailsms.gateway.smsc.control.SmppConnector;

/**
 * The SMPP bind's state, for operators. Always UP: with the SMSC away the gateway still accepts and
 * queues messages (they go FAIL and are retried), so it must stay in the load balancer.
 */
@Readiness
@ApplicationScoped
public class SmscReadiness implements HealthCheck {

    @EJB
    SmppConnector connector;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("smsc")
                .up()
                .withData("peer", connector.peer())
                .withData("bound", connector.isBound())
                .build();
    }
}

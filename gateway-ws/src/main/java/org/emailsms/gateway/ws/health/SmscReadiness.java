package org.emailsms.gateway.ws.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.emailsms.gateway.platform.control.NodeName;
import org.emailsms.gateway.smsc.control.SmppConnector;

/**
 * Each SMPP bind's state, and the name of the node that answers, for operators. Always UP: with the SMSC away the gateway still accepts and
 * queues messages (they go FAIL and are retried), so it must stay in the load balancer.
 */
@Readiness
@ApplicationScoped
public class SmscReadiness implements HealthCheck {

    @EJB
    SmppConnector connector;

    @Inject
    NodeName node;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("smsc").up()
                .withData("node", node.get());
        // Per bind whether it is bound, and why not: the SMSC's host and port are for the Operations page.
        connector.bindStates().forEach((bind, state) -> response.withData(bind, state.bound() ? "bound"
                : "not bound" + state.failure().map(why -> ": " + why).orElse("")));
        return response.build();
    }
}

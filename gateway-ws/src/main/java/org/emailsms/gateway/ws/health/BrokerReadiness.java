package org.emailsms.gateway.ws.health;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.emailsms.gateway.platform.boundary.GatewayResources;

/** Ready only while the message broker accepts connections. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(BrokerReadiness.class.getName());

    @Resource(lookup = GatewayResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        // The ActiveMQ adapter's factories lack the JMS 2.0 simplified API: use a classic connection.
        try (Connection connection = connectionFactory.createConnection()) {
            // A session makes the client introduce itself to the broker, not just open a socket.
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
            return HealthCheckResponse.named("broker")
                    .up()
                    .withData("provider", connection.getMetaData().getJMSProviderName())
                    .build();
        } catch (JMSException | RuntimeException e) {
            // The error text may name the broker's host: the log has it, anonymous callers only the state.
            LOG.log(Level.WARNING, "broker not ready", e);
            return HealthCheckResponse.named("broker").down().build();
        }
    }
}

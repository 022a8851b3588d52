package org.emailsms.gateway.smsc.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.emailsms.gateway.platform.boundary.GatewayResources;
import org.emailsms.gateway.platform.control.Failures;

/**
 * Takes message ids off the outbound queue and hands each to the delivery service, which works in
 * its own database transaction. The queue is not part of it (no two-phase commit per message): the
 * database says what is still to do, so a node that dies leaves the message {@code PENDING} and
 * the due-message sweep queues it again. A delivery that throws counts as a failed attempt.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = GatewayResources.OUTBOUND_DESTINATION),
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = GatewayResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "8")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboundMessageConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OutboundMessageConsumer.class.getName());

    @EJB
    DeliveryService delivery;

    @Override
    public void onMessage(Message message) {
        long messageId;
        try {
            messageId = Long.parseLong(((TextMessage) message).getText());
        } catch (JMSException e) {
            // Not ours (we only send ids): the broker's dead-letter queue is the place for it.
            throw new IllegalStateException("unreadable outbound message", e);
        }
        try {
            delivery.deliver(messageId);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Delivery of message " + messageId + " failed unexpectedly", failed);
            try {
                delivery.failedUnexpectedly(messageId, Failures.reason(failed));
            } catch (RuntimeException notCounted) {
                // The database itself is away: the message keeps its deadline and the sweep queues it again.
                LOG.log(Level.WARNING, "The failed attempt of message " + messageId + " could not be counted",
                        notCounted);
            }
        }
    }
}

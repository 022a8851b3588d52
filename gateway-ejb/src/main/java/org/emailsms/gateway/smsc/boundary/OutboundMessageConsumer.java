package org.emailsms.gateway.smsc.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.emailsms.gateway.platform.boundary.GatewayResources;

/** Takes message ids off the outbound queue and hands each to the delivery service. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = GatewayResources.OUTBOUND_DESTINATION),
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = GatewayResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "8")
})
public class OutboundMessageConsumer implements MessageListener {

    @EJB
    DeliveryService delivery;

    @Override
    public void onMessage(Message message) {
        try {
            delivery.deliver(Long.parseLong(((TextMessage) message).getText()));
        } catch (JMSException e) {
            // Rethrown so that the broker redelivers and, after its limit, parks it in the dead-letter queue.
            throw new IllegalStateException("unreadable outbound message", e);
        }
    }
}

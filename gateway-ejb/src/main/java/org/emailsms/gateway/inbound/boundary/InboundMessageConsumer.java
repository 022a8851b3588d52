package org.emailsms.gateway.inbound.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.emailsms.gateway.inbound.control.InboundQueue;
import org.emailsms.gateway.platform.boundary.GatewayResources;

/**
 * Takes prompts off the inbound queue: the ids of stored deliver_sm PDUs, receipts and replies,
 * processed together. The queue is not part of that transaction (no two-phase commit): the rows say
 * what is still to do, and the inbound sweep takes up whatever a lost prompt or a failure left.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = GatewayResources.INBOUND_DESTINATION),
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = GatewayResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboundMessageConsumer implements MessageListener {

    @EJB
    InboundProcessor processor;

    @Override
    public void onMessage(Message message) {
        try {
            processor.process(InboundQueue.idsOf(((TextMessage) message).getText()));
        } catch (JMSException e) {
            // Not ours (we only send ids): the broker's dead-letter queue is the place for it.
            throw new IllegalStateException("unreadable inbound prompt", e);
        }
    }
}

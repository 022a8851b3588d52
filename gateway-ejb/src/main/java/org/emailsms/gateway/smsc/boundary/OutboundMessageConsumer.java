package org.emailsms.gateway.smsc.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.emailsms.gateway.platform.boundary.GatewayResources;

/**
 * The trigger of delivery: each prompt on the outbound queue (one per accepted request) makes this
 * node's pipeline claim what is due now. The prompt carries nothing the database does not say, so a
 * lost one costs a delay (the due-message sweep prompts every few seconds), never a message.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = GatewayResources.OUTBOUND_DESTINATION),
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = GatewayResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboundMessageConsumer implements MessageListener {

    @EJB
    OutboundDelivery delivery;

    @Override
    public void onMessage(Message prompt) {
        delivery.prompt();
    }
}

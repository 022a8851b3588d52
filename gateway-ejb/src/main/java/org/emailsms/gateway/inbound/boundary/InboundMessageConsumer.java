package org.emailsms.gateway.inbound.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.emailsms.gateway.inbound.control.InboundPdu;
import org.emailsms.gateway.inbound.control.InboundStatistics;
import org.emailsms.gateway.platform.boundary.GatewayResources;

/**
 * Takes what the SMSC delivered off the inbound queue: receipts and replies. A failure is rethrown: the broker delivers
 * again with growing pauses (a receipt may overtake the acknowledgement it reports on), and parks
 * the message in the dead-letter queue only after about an hour.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = GatewayResources.INBOUND_DESTINATION),
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = GatewayResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4"),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "12"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "1000"),
    @ActivationConfigProperty(propertyName = "redeliveryUseExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "redeliveryBackOffMultiplier", propertyValue = "2")
})
public class InboundMessageConsumer implements MessageListener {

    @EJB
    ReceiptService receipts;

    @EJB
    ReplyService replies;

    @Inject
    InboundStatistics statistics;

    @Override
    public void onMessage(Message message) {
        try {
            InboundPdu pdu = InboundPdu.of((MapMessage) message);
            if (pdu.receipt()) {
                receipts.record(pdu);
                statistics.receiptProcessed();
            } else {
                replies.receive(pdu);
                statistics.replyProcessed();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable inbound message", e);
        }
    }
}

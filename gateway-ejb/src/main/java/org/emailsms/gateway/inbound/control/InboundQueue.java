package org.emailsms.gateway.inbound.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.emailsms.gateway.platform.boundary.GatewayResources;

/** Puts what the SMSC delivered on the inbound queue; a persistent send is durable once it returns. */
@Dependent
public class InboundQueue {

    @Resource(lookup = GatewayResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = GatewayResources.INBOUND_QUEUE)
    Queue inbound;

    public void enqueue(InboundPdu pdu) throws JMSException {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(inbound)) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(pdu.toMessage(session));
        }
    }
}

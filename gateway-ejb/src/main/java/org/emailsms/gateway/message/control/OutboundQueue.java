package org.emailsms.gateway.message.control;

import java.util.List;

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

/**
 * Puts message ids on the outbound queue. Called after the messages' rows have committed, outside
 * any transaction: a consumer never gets an id whose row it cannot read yet, and no send joins a
 * two-phase commit. What fails to get here is queued by the due-message sweep.
 */
@Dependent
public class OutboundQueue {

    @Resource(lookup = GatewayResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = GatewayResources.OUTBOUND_QUEUE)
    Queue outbound;

    public void enqueue(List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        // The ActiveMQ adapter's factories lack the JMS 2.0 simplified API: classic connection and session.
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(outbound)) {
            // The database is the record of what is to send, the queue only a prompt: a broker that
            // loses it costs a delay (the sweep queues overdue messages), not a message. Not
            // persistent, so no journal write and disk sync in every sendMessage.
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (Long id : messageIds) {
                producer.send(session.createTextMessage(Long.toString(id)));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot queue messages " + messageIds + ": " + e.getMessage(), e);
        }
    }
}

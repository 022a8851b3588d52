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
 * Prompts delivery on the outbound queue: one prompt per accepted request, however many recipients
 * it had, which makes the node that takes it claim what is due. Called after the messages' rows
 * have committed, outside any transaction: delivery never looks for rows it cannot read yet, and
 * no send joins a two-phase commit. A prompt that does not get here costs a delay (the
 * due-message sweep), not a message.
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
            // What it says is for people reading the broker's console; delivery claims from the database.
            producer.send(session.createTextMessage(messageIds.size() + " messages due, first " + messageIds.get(0)));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot prompt delivery of messages " + messageIds + ": " + e.getMessage(), e);
        }
    }
}

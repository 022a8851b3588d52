package org.emailsms.gateway.inbound.control;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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
 * Prompts the inbound consumers with the ids of stored PDUs, several per message (one transaction
 * processes them together). Not persistent: the rows are the record, the prompt only saves the
 * wait for the sweep.
 */
@Dependent
public class InboundQueue {

    @Resource(lookup = GatewayResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = GatewayResources.INBOUND_QUEUE)
    Queue inbound;

    /** Ids per prompt: one consumer transaction each. */
    static final int PER_PROMPT = 50;

    /** Prompts for all {@code ids}, {@value #PER_PROMPT} per message, over one connection. */
    public void prompt(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(inbound)) {
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (int from = 0; from < ids.size(); from += PER_PROMPT) {
                List<Long> prompt = ids.subList(from, Math.min(ids.size(), from + PER_PROMPT));
                producer.send(session.createTextMessage(
                        prompt.stream().map(String::valueOf).collect(Collectors.joining(","))));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot prompt inbound " + ids + ": " + e.getMessage(), e);
        }
    }

    /** The ids of a prompt. */
    public static List<Long> idsOf(String prompt) {
        return Arrays.stream(prompt.split(",")).map(String::strip).map(Long::valueOf).toList();
    }
}

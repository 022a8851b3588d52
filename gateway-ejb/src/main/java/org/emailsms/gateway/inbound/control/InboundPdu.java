package org.emailsms.gateway.inbound.control;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Session;

/**
 * A deliver_sm as the connector received it, classified but not interpreted: a delivery receipt or
 * a mobile-originated message. It crosses the inbound queue as a map message.
 */
public record InboundPdu(boolean receipt, String sourceAddress, String destinationAddress, int esmClass,
                         int dataCoding, byte[] shortMessage, String receiptedMessageId, Integer messageState) {

    public MapMessage toMessage(Session session) throws JMSException {
        MapMessage message = session.createMapMessage();
        message.setBoolean("receipt", receipt);
        message.setString("source", sourceAddress);
        message.setString("destination", destinationAddress);
        message.setInt("esmClass", esmClass);
        message.setInt("dataCoding", dataCoding);
        message.setBytes("shortMessage", shortMessage);
        message.setString("receiptedMessageId", receiptedMessageId);
        if (messageState != null) {
            message.setInt("messageState", messageState);
        }
        return message;
    }

    public static InboundPdu of(MapMessage message) throws JMSException {
        return new InboundPdu(message.getBoolean("receipt"), message.getString("source"),
                message.getString("destination"), message.getInt("esmClass"), message.getInt("dataCoding"),
                message.getBytes("shortMessage"), message.getString("receiptedMessageId"),
                message.itemExists("messageState") ? message.getInt("messageState") : null);
    }
}

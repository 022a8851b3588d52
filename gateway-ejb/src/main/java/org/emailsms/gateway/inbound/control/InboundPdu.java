package org.emailsms.gateway.inbound.control;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Session;

/**
 * A deliver_sm as the connector received it, classified but not interpreted: a delivery receipt or
 * a mobile-originated message. The SAR fields are the sar_* TLVs of a concatenated message sent
 * without a user data header (null when absent). It crosses the inbound queue as a map message.
 */
public record InboundPdu(boolean receipt, String sourceAddress, String destinationAddress, int esmClass,
                         int dataCoding, byte[] shortMessage, String receiptedMessageId, Integer messageState,
                         Integer sarReference, Integer sarTotal, Integer sarSequence) {

    /** esm_class bit 6: the short message starts with a user data header. */
    public boolean hasUserDataHeader() {
        return (esmClass & 0x40) != 0;
    }

    public MapMessage toMessage(Session session) throws JMSException {
        MapMessage message = session.createMapMessage();
        message.setBoolean("receipt", receipt);
        message.setString("source", sourceAddress);
        message.setString("destination", destinationAddress);
        message.setInt("esmClass", esmClass);
        message.setInt("dataCoding", dataCoding);
        message.setBytes("shortMessage", shortMessage);
        message.setString("receiptedMessageId", receiptedMessageId);
        setOptional(message, "messageState", messageState);
        setOptional(message, "sarReference", sarReference);
        setOptional(message, "sarTotal", sarTotal);
        setOptional(message, "sarSequence", sarSequence);
        return message;
    }

    public static InboundPdu of(MapMessage message) throws JMSException {
        return new InboundPdu(message.getBoolean("receipt"), message.getString("source"),
                message.getString("destination"), message.getInt("esmClass"), message.getInt("dataCoding"),
                message.getBytes("shortMessage"), message.getString("receiptedMessageId"),
                optional(message, "messageState"), optional(message, "sarReference"),
                optional(message, "sarTotal"), optional(message, "sarSequence"));
    }

    private static void setOptional(MapMessage message, String name, Integer value) throws JMSException {
        if (value != null) {
            message.setInt(name, value);
        }
    }

    private static Integer optional(MapMessage message, String name) throws JMSException {
        return message.itemExists(name) ? message.getInt(name) : null;
    }
}

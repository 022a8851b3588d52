package org.emailsms.gateway.inbound.control;

/**
 * A deliver_sm as the connector received it, classified but not interpreted: a delivery receipt or
 * a mobile-originated message. The SAR fields are the sar_* TLVs of a concatenated message sent
 * without a user data header (null when absent); {@code carrier} is the carrier whose bind it came
 * over, whose SMSC's ids a receipt quotes. It is stored as a {@code ReceivedPdu} until processed.
 */
public record InboundPdu(boolean receipt, String sourceAddress, String destinationAddress, int esmClass,
                         int dataCoding, byte[] shortMessage, String receiptedMessageId, Integer messageState,
                         Integer sarReference, Integer sarTotal, Integer sarSequence, String carrier) {

    /** esm_class bit 6: the short message starts with a user data header. */
    public boolean hasUserDataHeader() {
        return (esmClass & 0x40) != 0;
    }
}

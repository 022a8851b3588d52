package org.emailsms.gateway.inbound.control;

import java.util.Arrays;

/**
 * The text-bearing bytes of one mobile-originated deliver_sm and, when it is one part of a
 * concatenated message, which part: from a user data header (3GPP TS 23.040 information elements
 * 0x00 and 0x08) or from the SMPP sar_* TLVs. A header is stripped from the payload either way.
 */
public record Segment(byte[] payload, int dataCoding, Integer reference, int total, int sequence) {

    private static final int IEI_CONCATENATED_8BIT = 0x00;
    private static final int IEI_CONCATENATED_16BIT = 0x08;

    public boolean isPartOfMany() {
        return reference != null && total > 1;
    }

    public static Segment of(InboundPdu pdu) {
        byte[] message = pdu.shortMessage();
        if (pdu.hasUserDataHeader() && message.length > 0) {
            int headerLength = Byte.toUnsignedInt(message[0]);
            if (headerLength + 1 > message.length) {
                throw new IllegalArgumentException("user data header longer than the message");
            }
            byte[] payload = Arrays.copyOfRange(message, headerLength + 1, message.length);
            int at = 1;
            while (at + 1 < headerLength + 1) {
                int element = Byte.toUnsignedInt(message[at]);
                int length = Byte.toUnsignedInt(message[at + 1]);
                int value = at + 2;
                if (value + length > headerLength + 1) {
                    break;
                }
                if (element == IEI_CONCATENATED_8BIT && length == 3) {
                    return new Segment(payload, pdu.dataCoding(), Byte.toUnsignedInt(message[value]),
                            Byte.toUnsignedInt(message[value + 1]), Byte.toUnsignedInt(message[value + 2]));
                }
                if (element == IEI_CONCATENATED_16BIT && length == 4) {
                    int reference = (Byte.toUnsignedInt(message[value]) << 8) | Byte.toUnsignedInt(message[value + 1]);
                    return new Segment(payload, pdu.dataCoding(), reference,
                            Byte.toUnsignedInt(message[value + 2]), Byte.toUnsignedInt(message[value + 3]));
                }
                at = value + length;
            }
            return new Segment(payload, pdu.dataCoding(), null, 1, 1);
        }
        if (pdu.sarReference() != null && pdu.sarTotal() != null && pdu.sarSequence() != null) {
            return new Segment(message, pdu.dataCoding(), pdu.sarReference(), pdu.sarTotal(), pdu.sarSequence());
        }
        return new Segment(message, pdu.dataCoding(), null, 1, 1);
    }
}

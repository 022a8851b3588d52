package org.emailsms.gateway.smsc.control;

/**
 * One submit_sm as the connector sends it: E.164 numbers, the SMPP data coding, the part's payload
 * and, for a part of a concatenated message, its place and the message's reference.
 */
public record Submission(String sourceE164, String destinationE164, int dataCoding, byte[] payload, int reference,
                         int partNumber, int partCount, boolean receiptWanted) {

    public boolean isConcatenated() {
        return partCount > 1;
    }

    /** The payload behind an 8-bit-reference concatenation header (3GPP TS 23.040, IEI 0x00) when needed. */
    public byte[] shortMessage() {
        if (!isConcatenated()) {
            return payload;
        }
        byte[] message = new byte[6 + payload.length];
        message[0] = 0x05;
        message[1] = 0x00;
        message[2] = 0x03;
        message[3] = (byte) reference;
        message[4] = (byte) partCount;
        message[5] = (byte) partNumber;
        System.arraycopy(payload, 0, message, 6, payload.length);
        return message;
    }
}

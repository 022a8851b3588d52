package org.emailsms.gateway.inbound.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SegmentTest {

    private static final int UDHI = 0x40;
    private static final byte[] TEXT = "Hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsAnEightBitReferenceFromTheUserDataHeaderAndStripsIt() {
        Segment segment = Segment.of(pdu(UDHI, concat(new byte[] {5, 0, 3, (byte) 0xC8, 2, 1}), null, null, null));

        assertTrue(segment.isPartOfMany());
        assertEquals(0xC8, segment.reference());
        assertEquals(2, segment.total());
        assertEquals(1, segment.sequence());
        assertArrayEquals(TEXT, segment.payload());
    }

    @Test
    void readsASixteenBitReference() {
        Segment segment = Segment.of(pdu(UDHI, concat(new byte[] {6, 8, 4, 0x12, 0x34, 3, 3}), null, null, null));

        assertEquals(0x1234, segment.reference());
        assertEquals(3, segment.total());
        assertEquals(3, segment.sequence());
        assertArrayEquals(TEXT, segment.payload());
    }

    @Test
    void findsTheConcatenationElementAfterOthers() {
        // Application port addressing (0x05, 4 bytes) first, then the concatenation element.
        Segment segment = Segment.of(pdu(UDHI, concat(new byte[] {11, 5, 4, 0x0B, (byte) 0x84, 0, 0, 0, 3, 7, 2, 2}),
                null, null, null));

        assertEquals(7, segment.reference());
        assertEquals(2, segment.sequence());
        assertArrayEquals(TEXT, segment.payload());
    }

    @Test
    void aHeaderWithoutConcatenationIsOneWholeMessage() {
        Segment segment = Segment.of(pdu(UDHI, concat(new byte[] {6, 5, 4, 0x0B, (byte) 0x84, 0, 0}), null, null, null));

        assertFalse(segment.isPartOfMany());
        assertArrayEquals(TEXT, segment.payload());
    }

    @Test
    void readsTheSarParametersWhenThereIsNoHeader() {
        Segment segment = Segment.of(pdu(0, TEXT, 513, 2, 2));

        assertEquals(513, segment.reference());
        assertEquals(2, segment.sequence());
        assertArrayEquals(TEXT, segment.payload());
    }

    @Test
    void aPlainMessageIsWhole() {
        Segment segment = Segment.of(pdu(0, TEXT, null, null, null));

        assertFalse(segment.isPartOfMany());
        assertArrayEquals(TEXT, segment.payload());
    }

    @Test
    void aHeaderLongerThanTheMessageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Segment.of(pdu(UDHI, new byte[] {9, 0, 3}, null, null, null)));
    }

    private static byte[] concat(byte[] header) {
        byte[] all = new byte[header.length + TEXT.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(TEXT, 0, all, header.length, TEXT.length);
        return all;
    }

    private static InboundPdu pdu(int esmClass, byte[] message, Integer sarReference, Integer sarTotal,
                                  Integer sarSequence) {
        return new InboundPdu(false, "61412345678", "61491570156", esmClass, 0, message, null, null,
                sarReference, sarTotal, sarSequence, "default");
    }
}

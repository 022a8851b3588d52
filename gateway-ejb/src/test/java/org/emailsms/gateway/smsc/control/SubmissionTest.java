package org.emailsms.gateway.smsc.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubmissionTest {

    private static final byte[] PAYLOAD = {0x48, 0x69};

    @Test
    void aSingleSegmentGoesWithoutHeader() {
        Submission cut = new Submission("+61491570156", "+61412345678", 0, PAYLOAD, 7, 1, 1, false);
        assertFalse(cut.isConcatenated());
        assertArrayEquals(PAYLOAD, cut.shortMessage());
    }

    @Test
    void aPartCarriesTheConcatenationHeaderWithReferenceCountAndPlace() {
        Submission cut = new Submission("+61491570156", "+61412345678", 0, PAYLOAD, 0xAB, 2, 3, true);
        assertTrue(cut.isConcatenated());
        assertArrayEquals(new byte[] {0x05, 0x00, 0x03, (byte) 0xAB, 0x03, 0x02, 0x48, 0x69}, cut.shortMessage());
    }
}

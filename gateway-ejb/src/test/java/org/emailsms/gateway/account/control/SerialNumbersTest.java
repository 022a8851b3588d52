package org.emailsms.gateway.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SerialNumbersTest {

    private final SerialNumbers cut = SerialNumbers.withKey(new byte[32]);

    @Test
    void generatesSixteenDigitsNeverStartingWithZero() {
        for (int i = 0; i < 1_000; i++) {
            String serial = cut.generate();
            assertTrue(serial.matches("[1-9][0-9]{15}"), serial);
            assertTrue(cut.isWellFormed(serial));
        }
    }

    @Test
    void doesNotRepeatItself() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(cut.generate()));
        }
    }

    @Test
    void rejectsAnythingButSixteenDigits() {
        assertFalse(cut.isWellFormed(null));
        assertFalse(cut.isWellFormed("123456789012345"));
        assertFalse(cut.isWellFormed("12345678901234567"));
        assertFalse(cut.isWellFormed("12345678901234a6"));
        assertFalse(cut.isWellFormed("１２３４５６７８９０１２３４５６"));
    }

    @Test
    void hashesToStableHexThatDiffersFromTheSerial() {
        String hash = cut.hash("1234567890123456");
        assertEquals(64, hash.length());
        assertEquals(hash, cut.hash("1234567890123456"));
        assertNotEquals(hash, cut.hash("1234567890123457"));
    }

    /** A copy of the database alone yields nothing: the hash depends on a key kept elsewhere. */
    @Test
    void theHashNeedsTheKeyAndIsNotThePlainDigestOfEarlierVersions() {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;

        assertNotEquals(cut.hash("1234567890123456"), SerialNumbers.withKey(otherKey).hash("1234567890123456"));
        assertNotEquals(cut.hash("1234567890123456"), cut.legacyHash("1234567890123456"));
        assertEquals("7a51d064a1a216a692f753fcdab276e4ff201a01d8b66f56d50d4d719fd0dc87",
                cut.legacyHash("1234567890123456"), "the plain SHA-256 that earlier versions stored");
    }
}

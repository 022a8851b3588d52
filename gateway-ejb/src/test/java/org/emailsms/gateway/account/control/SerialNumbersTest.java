package org.emailsms.gateway.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SerialNumbersTest {

    private final SerialNumbers cut = new SerialNumbers();

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
}

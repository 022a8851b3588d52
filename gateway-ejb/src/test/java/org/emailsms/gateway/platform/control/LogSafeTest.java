package org.emailsms.gateway.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LogSafeTest {

    @Test
    void aForgedLineStaysOnTheLineItWasLoggedOn() {
        String forged = "alice\r\nINFO: Login SUCCESS for 'admin'";

        String safe = LogSafe.text(forged);

        assertEquals("alice\\r\\nINFO: Login SUCCESS for 'admin'", safe);
        assertFalse(safe.contains("\n") || safe.contains("\r"));
        assertEquals("a\\u0000b\\u001bc\\u2028d\\u202ee", LogSafe.text("a\u0000b\u001bc\u2028d\u202ee"));
        assertEquals("back\\\\slash", LogSafe.text("back\\slash"), "so an escape cannot be forged either");
    }

    @Test
    void longTextIsCut() {
        assertEquals(201, LogSafe.text("x".repeat(5_000)).length());
        assertEquals("null", LogSafe.text(null));
    }
}

package org.emailsms.gateway.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class OutgoingMailTest {

    private final OutgoingMail cut = new OutgoingMail("alice@example.test", "Subject", new byte[] {1}, null);

    @Test
    void waitsLongerAfterEachFailureButNeverMoreThanTenMinutes() throws Exception {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        Duration first = Duration.ofSeconds(30);

        cut.failed("connection refused", now, first);
        assertEquals(now.plusSeconds(30), nextAttempt());
        cut.failed("connection refused", now, first);
        assertEquals(now.plusSeconds(60), nextAttempt());
        for (int i = 0; i < 20; i++) {
            cut.failed("connection refused", now, first);
        }
        assertEquals(now.plus(Duration.ofMinutes(10)), nextAttempt());
        assertTrue(cut.isPending(), "an outage delays mail, never drops it");
        assertEquals(22, cut.getAttempts());
    }

    @Test
    void isDoneOnceSent() {
        cut.sent(Instant.now());
        assertFalse(cut.isPending());
    }

    private Instant nextAttempt() throws ReflectiveOperationException {
        Field field = OutgoingMail.class.getDeclaredField("nextAttemptAt");
        field.setAccessible(true);
        return ((OffsetDateTime) field.get(cut)).toInstant();
    }
}

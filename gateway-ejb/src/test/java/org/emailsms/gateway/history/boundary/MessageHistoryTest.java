package org.emailsms.gateway.history.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.emailsms.gateway.history.boundary.MessageHistory.Position;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.junit.jupiter.api.Test;

class MessageHistoryTest {

    @Test
    void aCursorIsTheTimeInMicrosecondsAndTheId() throws Exception {
        Position position = new Position(Instant.parse("2026-12-03T10:15:30.123456Z"), 4711);

        assertEquals("1796292930123456.4711", position.cursor());
        assertEquals(position, Position.of(position.cursor()));
    }

    @Test
    void emptyIsTheBeginningAndAnInstantTakesEverythingFromIt() throws Exception {
        assertEquals(new Position(Instant.EPOCH, 0), Position.of(""));
        assertEquals(new Position(Instant.parse("2026-12-03T09:59:59.999999Z"), Long.MAX_VALUE),
                Position.of("2026-12-03T10:00:00Z"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(InvalidRequestException.class, () -> Position.of("yesterday"));
        assertThrows(InvalidRequestException.class, () -> Position.of("99999999999999999999.1"));
    }
}

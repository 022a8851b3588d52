package org.emailsms.gateway.alert.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** However many nodes see a condition, one of them raises it and one clears it: one email each way. */
class AlertLogTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    private static final Instant T0 = Instant.parse("2026-12-08T01:00:00Z");

    @Test
    void anAlertIsRaisedOnceAndClearedOnceAndMayBeRaisedAgain() {
        assertTrue(inTransaction(log -> log.raise("carrier-down:au", "down since then", T0)), "the first raises it");
        assertFalse(inTransaction(log -> log.raise("carrier-down:au", "down since then", T0.plusSeconds(15))),
                "the next check, or another node, does not raise it again");
        assertEquals(List.of(new AlertLog.Active("carrier-down:au", T0, "down since then")),
                database.inTransaction((EntityManager em) -> new AlertLog(em).active()));

        assertTrue(inTransaction(log -> log.clear("carrier-down:au", T0.plusSeconds(60))));
        assertFalse(inTransaction(log -> log.clear("carrier-down:au", T0.plusSeconds(75))), "cleared once");
        assertEquals(List.of(), database.inTransaction((EntityManager em) -> new AlertLog(em).active()));

        assertTrue(inTransaction(log -> log.raise("carrier-down:au", "down again", T0.plusSeconds(300))),
                "a new outage is a new alert");
    }

    private boolean inTransaction(java.util.function.Function<AlertLog, Boolean> change) {
        return database.inTransaction((EntityManager em) -> change.apply(new AlertLog(em)));
    }
}

package org.emailsms.gateway.alert.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AlertConditionsTest {

    private static final Instant T0 = Instant.parse("2026-12-08T01:00:00Z");
    private static final AlertConditions.Thresholds THRESHOLDS = new AlertConditions.Thresholds(Duration.ofMinutes(2),
            10_000, Duration.ofMinutes(30), 0.5, 20, Duration.ofMinutes(10));

    private final AlertConditions conditions = new AlertConditions(THRESHOLDS);

    @Test
    void aCarrierIsDownOnceItHasHadNoBindForTheWholeWait() {
        assertEquals(Map.of(), conditions.holding(binds(T0, false)));
        assertEquals(Map.of(), conditions.holding(binds(T0.plusSeconds(119), false)));

        Map<String, String> down = conditions.holding(binds(T0.plusSeconds(120), false));

        assertEquals(Set.of("carrier-down:au"), down.keySet());
        assertTrue(down.get("carrier-down:au").contains("since " + T0), down.get("carrier-down:au"));
        assertEquals(Map.of(), conditions.holding(binds(T0.plusSeconds(130), true)), "bound again: cleared");
        assertEquals(Map.of(), conditions.holding(binds(T0.plusSeconds(140), false)), "and the wait starts over");
    }

    @Test
    void theBacklogAlertsOnItsSizeOrOnItsOldestMessage() {
        assertEquals(Map.of(), conditions.holding(backlog(10_000, T0.minus(Duration.ofMinutes(30)))));
        assertEquals(Set.of("backlog"), conditions.holding(backlog(10_001, T0)).keySet());
        String old = conditions.holding(backlog(3, T0.minus(Duration.ofMinutes(31)))).get("backlog");
        assertTrue(old.contains("3 messages are waiting") && old.contains("the oldest due 31 minutes ago"), old);
    }

    @Test
    void aCarrierWhoseReceiptsMostlySayUndeliveredAlertsOnceThereAreEnough() {
        assertEquals(Map.of(), conditions.holding(receipts(new AlertConditions.Share(2, 19))), "too few to tell");
        assertEquals(Map.of(), conditions.holding(receipts(new AlertConditions.Share(10, 20))));
        String low = conditions.holding(receipts(new AlertConditions.Share(9, 20))).get("delivered-share:nz");
        assertTrue(low.contains("20 receipts from carrier nz, 9 (45%) say delivered"), low);
    }

    @Test
    void theMailOutboxAlertsWhenItsOldestEmailHasWaitedTooLong() {
        assertEquals(Map.of(), conditions.holding(mail(T0.minus(Duration.ofMinutes(10)))));
        assertEquals(Set.of("mail-outbox"), conditions.holding(mail(T0.minus(Duration.ofMinutes(11)))).keySet());
    }

    @Test
    void eachAlertHasATitleForTheEmailAndTheDashboard() {
        assertEquals("carrier au is down", AlertConditions.title("carrier-down:au"));
        assertEquals("few receipts from carrier nz say delivered", AlertConditions.title("delivered-share:nz"));
        assertEquals("messages are piling up for the carriers", AlertConditions.title("backlog"));
        assertEquals("the mail outbox is not draining", AlertConditions.title("mail-outbox"));
    }

    private static AlertConditions.Observation binds(Instant at, boolean auBound) {
        return new AlertConditions.Observation(at, Map.of("au", auBound, "nz", true), 0, Optional.empty(), Map.of(),
                Optional.empty());
    }

    private static AlertConditions.Observation backlog(long waiting, Instant oldestDue) {
        return new AlertConditions.Observation(T0, Map.of(), waiting, Optional.of(oldestDue), Map.of(), Optional.empty());
    }

    private static AlertConditions.Observation receipts(AlertConditions.Share share) {
        return new AlertConditions.Observation(T0, Map.of(), 0, Optional.empty(), Map.of("nz", share), Optional.empty());
    }

    private static AlertConditions.Observation mail(Instant oldest) {
        return new AlertConditions.Observation(T0, Map.of(), 0, Optional.empty(), Map.of(), Optional.of(oldest));
    }
}

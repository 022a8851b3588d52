package org.emailsms.gateway.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SerialGuessGuardTest {

    private final SerialGuessGuard cut = SerialGuessGuard.of(3, Duration.ofMinutes(10));
    private final Instant start = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void refusesAnAddressPastTheLimitUntilItsWindowEnds() {
        for (int i = 0; i < 3; i++) {
            cut.recordUnknown("198.51.100.7", start);
        }
        assertFalse(cut.refuses("198.51.100.7", start), "three unknown serials are tolerated");

        cut.recordUnknown("198.51.100.7", start.plusSeconds(1));

        assertTrue(cut.refuses("198.51.100.7", start.plusSeconds(2)));
        assertFalse(cut.refuses("198.51.100.8", start.plusSeconds(2)), "other addresses are not affected");
        assertFalse(cut.refuses("198.51.100.7", start.plus(Duration.ofMinutes(10))), "the window is over");
        assertEquals(4, cut.unknownCount());
        assertEquals(1, cut.refusedCount());
    }

    @Test
    void aNewWindowStartsCountingAfresh() {
        for (int i = 0; i < 4; i++) {
            cut.recordUnknown("198.51.100.7", start);
        }
        cut.recordUnknown("198.51.100.7", start.plus(Duration.ofMinutes(11)));

        assertFalse(cut.refuses("198.51.100.7", start.plus(Duration.ofMinutes(11))));
    }

    @Test
    void anIpv6ClientCountsByItsNetworkSoRotatingAddressesGainsNothing() {
        for (int i = 0; i < 4; i++) {
            cut.recordUnknown("2001:db8:1:2::" + Integer.toHexString(i + 1), start);
        }
        assertTrue(cut.refuses("2001:db8:1:2:ffff:1:2:3", start), "another address of the same /64");
        assertFalse(cut.refuses("2001:db8:1:3::1", start), "another network");
    }

    @Test
    void manyAddressesKeepTheMemoryBounded() {
        SerialGuessGuard bounded = SerialGuessGuard.of(3, Duration.ofMinutes(10), 1_000);
        for (int i = 0; i < 50_000; i++) {
            bounded.recordUnknown("2001:db8:" + Integer.toHexString(i) + "::1", start.plusMillis(i));
            assertTrue(bounded.trackedCount() <= 1_000, "at most the bound, after " + i);
        }
        for (int i = 0; i < 4; i++) {
            bounded.recordUnknown("198.51.100.7", start.plusSeconds(60));
        }
        assertTrue(bounded.refuses("198.51.100.7", start.plusSeconds(61)), "the newest are still counted");
    }
}

package org.emailsms.gateway.smsc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ThrottleBackOffTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final ThrottleBackOff cut = new ThrottleBackOff();

    @Test
    void pausesLongerWithEachThrottlingInARowAndRecoversWithAcknowledgements() {
        assertEquals(0, cut.remainingNanos(0), "not paused at first");

        cut.throttled(0);
        assertEquals(100 * MS, cut.remainingNanos(0));
        cut.throttled(100 * MS);
        assertEquals(200 * MS, cut.remainingNanos(100 * MS), "doubled");
        for (int i = 0; i < 10; i++) {
            cut.throttled(0);
        }
        assertEquals(ThrottleBackOff.LONGEST_PAUSE_NANOS, cut.remainingNanos(0), "at most 10 s");

        cut.acknowledged();
        cut.throttled(20_000 * MS);
        assertEquals(10_000 * MS, cut.remainingNanos(20_000 * MS), "halved by an acknowledgement, then doubled");
        assertEquals(0, cut.remainingNanos(40_000 * MS), "the pause ends");
    }
}

package org.emailsms.gateway.smsc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ThroughputCapTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void spacesSubmitsEvenlyAtTheCap() {
        ThroughputCap cut = new ThroughputCap(10, 0);

        assertEquals(0, cut.reserve(0));
        assertEquals(100 * MS, cut.reserve(0));
        assertEquals(200 * MS, cut.reserve(0));
        assertEquals(150 * MS, cut.reserve(150 * MS), "the fourth slot starts at 300 ms");
    }

    @Test
    void anIdleBindDoesNotSaveUpABurst() {
        ThroughputCap cut = new ThroughputCap(10, 0);
        cut.reserve(0);

        assertEquals(0, cut.reserve(5_000 * MS));
        assertEquals(100 * MS, cut.reserve(5_000 * MS));
    }

    @Test
    void noCapMeansNoWait() {
        ThroughputCap cut = new ThroughputCap(0, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, cut.reserve(0));
        }
    }
}

package org.emailsms.gateway.smsc.control;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most N submits per second on a bind, spaced evenly: each caller reserves the next free slot
 * and is told how long to wait for it. Lock-free, so concurrent senders never queue on a monitor.
 */
final class ThroughputCap {

    private final long intervalNanos;
    private final AtomicLong nextSlot;

    /** {@code perSecond} of 0 or less means no cap. */
    ThroughputCap(int perSecond, long nowNanos) {
        this.intervalNanos = perSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.nextSlot = new AtomicLong(nowNanos);
    }

    /** Reserves the next slot; returns how many nanoseconds from {@code nowNanos} it begins. */
    long reserve(long nowNanos) {
        if (intervalNanos == 0) {
            return 0;
        }
        long slot = nextSlot.getAndUpdate(next -> Math.max(next, nowNanos) + intervalNanos);
        return Math.max(0, slot - nowNanos);
    }
}

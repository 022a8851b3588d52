package org.emailsms.gateway.smsc.control;

import java.util.concurrent.TimeUnit;

/**
 * How a bind slows down when the SMSC throttles it (ESME_RTHROTTLED, ESME_RMSGQFUL): every submit
 * of the bind waits out a pause that starts at 100 ms and doubles with each throttling in a row, up
 * to 10 s; each acknowledgement halves the next pause again, so the bind recovers its pace gradually.
 */
final class ThrottleBackOff {

    static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long LONGEST_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private long pauseNanos;
    private long pausedUntilNanos;

    synchronized void throttled(long nowNanos) {
        pauseNanos = pauseNanos == 0 ? FIRST_PAUSE_NANOS : Math.min(LONGEST_PAUSE_NANOS, pauseNanos * 2);
        pausedUntilNanos = Math.max(pausedUntilNanos, nowNanos + pauseNanos);
    }

    synchronized void acknowledged() {
        pauseNanos = pauseNanos <= FIRST_PAUSE_NANOS ? 0 : pauseNanos / 2;
    }

    /** How long a submit must still wait; 0 when the bind is not paused. */
    synchronized long remainingNanos(long nowNanos) {
        return Math.max(0, pausedUntilNanos - nowNanos);
    }
}

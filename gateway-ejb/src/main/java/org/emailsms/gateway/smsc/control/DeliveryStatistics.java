package org.emailsms.gateway.smsc.control;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts of the delivery path since start: parts submitted and acknowledged, failed attempts,
 * aborted messages. The web module publishes them as MicroProfile Metrics (Payara Server serves
 * metrics only from web modules when the application is an EAR).
 */
@ApplicationScoped
public class DeliveryStatistics {

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();

    public void submitted() {
        submitted.incrementAndGet();
    }

    public void acknowledged() {
        acknowledged.incrementAndGet();
    }

    public void failedAttempt() {
        failedAttempts.incrementAndGet();
    }

    public void aborted() {
        aborted.incrementAndGet();
    }

    public long submittedCount() {
        return submitted.get();
    }

    public long acknowledgedCount() {
        return acknowledged.get();
    }

    public long failedAttemptCount() {
        return failedAttempts.get();
    }

    public long abortedCount() {
        return aborted.get();
    }
}

package org.emailsms.gateway.smsc.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts of the delivery path since start: parts submitted and acknowledged, failed attempts,
 * aborted messages; per carrier, the parts it acknowledged and those it did not take (refused,
 * not answered, or no bind up: each passed to the next carrier or failed). The web module publishes them as MicroProfile Metrics (Payara Server serves
 * metrics only from web modules when the application is an EAR).
 */
@ApplicationScoped
public class DeliveryStatistics {

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();
    private final Map<String, AtomicLong> acknowledgedBy = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> notTakenBy = new ConcurrentHashMap<>();

    public void submitted() {
        submitted.incrementAndGet();
    }

    public void acknowledged(String carrier) {
        acknowledged.incrementAndGet();
        acknowledgedBy.computeIfAbsent(carrier, c -> new AtomicLong()).incrementAndGet();
    }

    public void notTaken(String carrier) {
        notTakenBy.computeIfAbsent(carrier, c -> new AtomicLong()).incrementAndGet();
    }

    public long acknowledgedBy(String carrier) {
        AtomicLong count = acknowledgedBy.get(carrier);
        return count == null ? 0 : count.get();
    }

    public long notTakenBy(String carrier) {
        AtomicLong count = notTakenBy.get(carrier);
        return count == null ? 0 : count.get();
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

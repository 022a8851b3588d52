package org.emailsms.gateway.inbound.control;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Receipts and replies processed since start (counted once their transaction has committed).
 * Published as metrics by the web module, like the delivery counts. Also, per carrier, how many
 * final receipts of the last hour said delivered, for the alerts (counted as they are matched, so a
 * batch rolled back and matched again counts twice: a share, not a ledger).
 */
@ApplicationScoped
public class InboundStatistics {

    private final AtomicLong receipts = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong early = new AtomicLong();
    private final Map<String, ReceiptMinutes> byCarrier = new ConcurrentHashMap<>();

    /** Final receipts of one carrier over the last hour: how many said delivered, of how many. */
    public record ReceiptTally(long delivered, long total) {
    }

    /** Per carrier, the last 60 minutes, a bucket a minute. */
    private static final class ReceiptMinutes {
        private final long[] minute = new long[60];
        private final long[] delivered = new long[60];
        private final long[] total = new long[60];

        synchronized void add(long epochMinute, boolean wasDelivered) {
            int slot = slot(epochMinute);
            if (minute[slot] != epochMinute) {
                minute[slot] = epochMinute;
                delivered[slot] = 0;
                total[slot] = 0;
            }
            total[slot]++;
            if (wasDelivered) {
                delivered[slot]++;
            }
        }

        synchronized ReceiptTally since(long fromMinute, long toMinute) {
            long d = 0;
            long t = 0;
            for (int i = 0; i < 60; i++) {
                if (minute[i] > fromMinute && minute[i] <= toMinute) {
                    d += delivered[i];
                    t += total[i];
                }
            }
            return new ReceiptTally(d, t);
        }

        private static int slot(long epochMinute) {
            return (int) Math.floorMod(epochMinute, 60L);
        }
    }

    /** A final receipt from {@code carrier}'s SMSC, at {@code at}: delivered or not. */
    public void receiptFrom(String carrier, boolean delivered, Instant at) {
        byCarrier.computeIfAbsent(carrier, c -> new ReceiptMinutes()).add(at.getEpochSecond() / 60, delivered);
    }

    /** For each carrier that sent final receipts in the hour up to {@code now}, how many said delivered. */
    public Map<String, ReceiptTally> receiptsInHourTo(Instant now) {
        long current = now.getEpochSecond() / 60;
        Map<String, ReceiptTally> tallies = new TreeMap<>();
        byCarrier.forEach((carrier, minutes) -> {
            ReceiptTally tally = minutes.since(current - 60, current);
            if (tally.total() > 0) {
                tallies.put(carrier, tally);
            }
        });
        return tallies;
    }

    public void receiptProcessed() {
        receipts.incrementAndGet();
    }

    public void replyProcessed() {
        replies.incrementAndGet();
    }

    /** A receipt found no acknowledged part yet (it overtook the acknowledgement): it waits. */
    public void receiptEarly() {
        early.incrementAndGet();
    }

    public long receiptCount() {
        return receipts.get();
    }

    public long replyCount() {
        return replies.get();
    }

    public long earlyReceiptCount() {
        return early.get();
    }
}

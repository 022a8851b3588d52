package org.emailsms.gateway.inbound.control;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Receipts and replies processed since start (counted once their transaction has committed).
 * Published as metrics by the web module, like the delivery counts.
 */
@ApplicationScoped
public class InboundStatistics {

    private final AtomicLong receipts = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong early = new AtomicLong();

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

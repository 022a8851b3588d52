package org.emailsms.gateway.smsc.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Message ids taken off the outbound queue and not yet in a delivery: whichever consumer is free
 * takes all that are waiting and delivers them in one transaction. Memory only, like the queue's
 * prompts themselves: the rows are the record, and the sweep takes up what a dead node held here.
 */
@ApplicationScoped
public class PromptedMessages {

    private final ConcurrentLinkedQueue<Long> waiting = new ConcurrentLinkedQueue<>();

    public void add(long messageId) {
        waiting.add(messageId);
    }

    /** Up to {@code max} of the waiting ids, in ascending order (rows are locked in that order). */
    public List<Long> take(int max) {
        List<Long> batch = new ArrayList<>();
        for (Long next; batch.size() < max && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        batch.sort(null);
        return batch;
    }
}

package org.emailsms.gateway.message.control;

import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/** Messages this node sent without a reply path since start (the sender pool was exhausted), for /metrics. */
@ApplicationScoped
public class ReplyPathStatistics {

    private final LongAdder withoutReplyPath = new LongAdder();

    void noReplyPath() {
        withoutReplyPath.increment();
    }

    public long withoutReplyPathCount() {
        return withoutReplyPath.sum();
    }
}

package org.emailsms.gateway.smsc.boundary;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.emailsms.gateway.message.control.OutboundQueue;
import org.emailsms.gateway.smsc.control.DueMessages;
import org.emailsms.gateway.smsc.control.RetryPolicy;

/**
 * Puts due messages back on the outbound queue: failed ones whose retry time has come, scheduled
 * ones whose send time has, and pending ones that should have been delivered by now (queued by a
 * node that died before its queue send, or lost by the queue). The state lives in the database, so
 * a restart (or another node) simply carries on; the timer itself need not survive anything.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DueMessageSweep {

    private static final Logger LOG = Logger.getLogger(DueMessageSweep.class.getName());

    @Resource
    TimerService timers;

    @Inject
    DueMessages due;

    @Inject
    OutboundQueue queue;

    @Inject
    RetryPolicy retries;

    @PostConstruct
    void arm() {
        long every = retries.sweepInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("due-message-sweep", false));
    }

    /** Claimed in one transaction, queued after it committed (as sendMessage does). */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void requeueDue() {
        List<Long> claimed = due.claim(Instant.now());
        try {
            queue.enqueue(claimed);
        } catch (RuntimeException e) {
            // The broker is away: the claims carry a new deadline, so a later sweep tries these again.
            LOG.warning(() -> "Claimed " + claimed.size() + " due messages but could not queue them: " + e.getMessage());
            return;
        }
        if (!claimed.isEmpty()) {
            LOG.info(() -> "Queued " + claimed.size() + " due messages (retries, scheduled, overdue)");
        }
    }
}

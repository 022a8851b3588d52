package org.emailsms.gateway.inbound.boundary;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.emailsms.gateway.inbound.control.InboundQueue;
import org.emailsms.gateway.inbound.control.InboundRetries;
import org.emailsms.gateway.inbound.control.Reassembly;
import org.emailsms.gateway.inbound.control.ReceivedPdus;

/**
 * Prompts the stored PDUs that are due: receipts waiting for their acknowledgement, PDUs whose
 * processing failed, and any whose prompt was lost (a node died after storing them, or the broker
 * forgot the prompt); and mails what arrived of concatenated replies whose other parts never came.
 * On the same interval as the due-message sweep.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InboundSweep {

    private static final Logger LOG = Logger.getLogger(InboundSweep.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ReceivedPdus pdus;

    @Inject
    InboundQueue queue;

    @Inject
    InboundRetries retries;

    @EJB
    ReplyService replies;

    @PostConstruct
    void arm() {
        long every = retries.sweepInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("inbound-sweep", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        promptDue();
        mailIncompleteReplies();
    }

    /** Each in its own transaction (this method has none): one that fails holds back no other. */
    void mailIncompleteReplies() {
        List<Reassembly.GroupKey> expired;
        try {
            expired = replies.expiredIncomplete(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for incomplete replies; the next sweep tries again", e);
            return;
        }
        for (Reassembly.GroupKey reply : expired) {
            try {
                replies.deliverIncomplete(reply);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not mail the incomplete reply from " + reply.handset()
                        + "; the next sweep tries again", e);
            }
        }
    }

    /** Claimed in one transaction, prompted after it committed. */
    private void promptDue() {
        List<Long> claimed = pdus.claimDue(Instant.now());
        try {
            queue.prompt(claimed);
        } catch (RuntimeException e) {
            // The claims carry a new deadline: a later sweep tries these again.
            LOG.warning(() -> "Claimed " + claimed.size() + " due inbound PDUs but could not queue them: " + e.getMessage());
            return;
        }
        if (!claimed.isEmpty()) {
            LOG.fine(() -> "Prompted " + claimed.size() + " due inbound PDUs");
        }
    }
}

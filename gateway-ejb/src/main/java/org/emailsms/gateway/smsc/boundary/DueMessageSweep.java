package org.emailsms.gateway.smsc.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.message.control.OutboundQueue;
import org.emailsms.gateway.smsc.control.RetryPolicy;

/**
 * Puts due messages back on the outbound queue: failed ones whose retry time has come and scheduled
 * ones whose send time has. The state lives in the database, so a restart (or another node) simply
 * carries on; the timer itself need not survive anything.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DueMessageSweep {

    private static final Logger LOG = Logger.getLogger(DueMessageSweep.class.getName());
    private static final int BATCH = 500;

    @Resource
    TimerService timers;

    @PersistenceContext
    EntityManager em;

    @Inject
    OutboundQueue queue;

    @Inject
    RetryPolicy retries;

    @PostConstruct
    void arm() {
        long every = retries.sweepInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("due-message-sweep", false));
    }

    @Timeout
    void requeueDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        SELECT id, status FROM sms_message
                        WHERE status = 'FAIL' AND next_attempt_at <= ?1 OR status = 'SCHEDULED' AND scheduled_at <= ?1
                        ORDER BY id""")
                .setParameter(1, now).setMaxResults(BATCH).getResultList();
        List<Long> claimed = new ArrayList<>();
        for (Object[] row : due) {
            long id = ((Number) row[0]).longValue();
            // Claim by compare-and-set: of several nodes sweeping at once, one queues each message.
            int updated = em.createNativeQuery(
                            "UPDATE sms_message SET status = 'PENDING', version = version + 1 WHERE id = ?1 AND status = ?2")
                    .setParameter(1, id).setParameter(2, row[1]).executeUpdate();
            if (updated == 1) {
                claimed.add(id);
            }
        }
        queue.enqueue(claimed);
        if (!claimed.isEmpty()) {
            LOG.info(() -> "Queued " + claimed.size() + " due messages (retries and scheduled)");
        }
    }
}

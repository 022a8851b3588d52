package org.emailsms.gateway.smsc.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Claims the messages that are due for an attempt, so that exactly one sweep queues each. */
@Dependent
public class DueMessages {

    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    RetryPolicy retries;

    /**
     * Failed messages whose retry time has come, scheduled ones whose send time has, and pending
     * ones past their re-queue deadline, each claimed by compare-and-set: it is {@code PENDING}
     * with a new deadline afterwards, and of several nodes sweeping at once one claims it.
     */
    @Transactional
    public List<Long> claim(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        SELECT id, status FROM sms_message
                        WHERE status IN ('FAIL', 'PENDING') AND next_attempt_at <= ?1
                           OR status = 'SCHEDULED' AND scheduled_at <= ?1
                        ORDER BY id""")
                .setParameter(1, at).setMaxResults(BATCH).getResultList();
        OffsetDateTime requeueAt = now.plus(retries.requeueAfter()).atOffset(ZoneOffset.UTC);
        List<Long> claimed = new ArrayList<>();
        for (Object[] row : due) {
            long id = ((Number) row[0]).longValue();
            int updated = em.createNativeQuery("""
                            UPDATE sms_message SET status = 'PENDING', next_attempt_at = ?1, version = version + 1
                            WHERE id = ?2 AND status = ?3 AND (next_attempt_at IS NULL OR next_attempt_at <= ?4)""")
                    .setParameter(1, requeueAt).setParameter(2, id).setParameter(3, row[1]).setParameter(4, at)
                    .executeUpdate();
            if (updated == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }
}

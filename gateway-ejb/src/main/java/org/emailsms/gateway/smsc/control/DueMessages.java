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

    /**
     * Failed and scheduled messages are on no queue, so claiming them all at once duplicates
     * nothing: up to this many per sweep (1,000/s at the default 5 s, more than a node delivers),
     * so that retries after an SMSC outage and a scheduled campaign go out at full speed.
     */
    private static final int MAX_NOT_QUEUED = 5_000;
    /**
     * A pending message past its deadline was lost with the queue or is still waiting on a slow
     * one: a few per sweep, so that an overloaded node does not get its whole queue a second time.
     */
    private static final int MAX_OVERDUE = 500;

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
        OffsetDateTime requeueAt = now.plus(retries.requeueAfter()).atOffset(ZoneOffset.UTC);
        List<Long> claimed = new ArrayList<>(claimEach(at, requeueAt, MAX_NOT_QUEUED, """
                SELECT id, status FROM sms_message
                WHERE status = 'FAIL' AND next_attempt_at <= ?1 OR status = 'SCHEDULED' AND scheduled_at <= ?1
                ORDER BY id"""));
        claimed.addAll(claimEach(at, requeueAt, MAX_OVERDUE, """
                SELECT id, status FROM sms_message WHERE status = 'PENDING' AND next_attempt_at <= ?1 ORDER BY id"""));
        return claimed;
    }

    private List<Long> claimEach(OffsetDateTime at, OffsetDateTime requeueAt, int max, String dueQuery) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery(dueQuery).setParameter(1, at).setMaxResults(max).getResultList();
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

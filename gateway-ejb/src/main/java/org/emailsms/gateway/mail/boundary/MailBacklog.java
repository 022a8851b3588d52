package org.emailsms.gateway.mail.boundary;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.platform.control.Timestamps;

/**
 * The outbox's depth, counted in the database so that every node reports the same: emails waiting
 * to be sent, and of those the ones the SMTP server has refused or could not be reached for.
 */
@Stateless
public class MailBacklog {

    @PersistenceContext
    EntityManager em;

    public long pending() {
        return count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'");
    }

    public long retrying() {
        return count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING' AND attempts > 0");
    }

    /** An email still waiting, for the operations view: no body, it may quote message content. */
    public record PendingMail(long id, String recipient, String subject, int attempts, String lastError,
                              OffsetDateTime createdAt, OffsetDateTime nextAttemptAt) {
    }

    /** The oldest waiting emails first: those are the ones an SMTP outage has held longest. */
    @SuppressWarnings("unchecked")
    public List<PendingMail> oldestPending(int max) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, recipient, subject, attempts, last_error, created_at, next_attempt_at
                        FROM mail_outbox WHERE status = 'PENDING' ORDER BY id""")
                .setMaxResults(Math.max(1, Math.min(max, 1_000))).getResultList();
        return rows.stream().map(r -> new PendingMail(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], Timestamps.utc(r[5]), Timestamps.utc(r[6]))).toList();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}

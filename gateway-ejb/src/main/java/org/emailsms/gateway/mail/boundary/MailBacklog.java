package org.emailsms.gateway.mail.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.boundary.ProviderRole;
import org.emailsms.gateway.platform.control.Timestamps;

/**
 * The outbox's depth, counted in the database so that every node reports the same: emails waiting
 * to be sent, and of those the ones the SMTP server has refused or could not be reached for.
 */
@Stateless
public class MailBacklog {

    @PersistenceContext
    EntityManager em;

    @Inject
    ProviderRole providerRole;

    public long pending() {
        return count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'");
    }

    /** When the email that has waited longest was queued. */
    public Optional<Instant> oldestPendingSince() {
        Object oldest = em.createNativeQuery("SELECT MIN(created_at) FROM mail_outbox WHERE status = 'PENDING'")
                .getSingleResult();
        return oldest == null ? Optional.empty() : Optional.of(Timestamps.utc(oldest).toInstant());
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
    public List<PendingMail> oldestPending(String actorName, int max) throws NotAuthorizedException {
        providerRole.require(actorName);
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, recipient, subject, attempts, last_error, created_at, next_attempt_at
                        FROM mail_outbox WHERE status = 'PENDING' ORDER BY id""")
                .setMaxResults(Math.max(1, Math.min(max, 1_000))).getResultList();
        return rows.stream().map(r -> new PendingMail(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], Timestamps.utc(r[5]), Timestamps.utc(r[6]))).toList();
    }

    /** An email, sent or not, as the search shows it: no body, it may quote message content. */
    public record MailRecord(long id, String recipient, String subject, String status, int attempts, String lastError,
                             OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    /**
     * The newest emails, sent or waiting, whose recipient address contains {@code recipient}
     * (without regard to case): for an administrator who is asked whether an activation or reply
     * email went out. Sent emails are kept until the retention period deletes them.
     */
    @SuppressWarnings("unchecked")
    public List<MailRecord> find(String actorName, String recipient, int max) throws NotAuthorizedException {
        providerRole.require(actorName);
        String pattern = "%" + recipient.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, recipient, subject, status, attempts, last_error, created_at, sent_at
                        FROM mail_outbox WHERE LOWER(recipient) LIKE ?1 ESCAPE '\\' ORDER BY id DESC""")
                .setParameter(1, pattern)
                .setMaxResults(Math.max(1, Math.min(max, 1_000))).getResultList();
        return rows.stream().map(r -> new MailRecord(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).intValue(), (String) r[5], Timestamps.utc(r[6]),
                r[7] == null ? null : Timestamps.utc(r[7]))).toList();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}

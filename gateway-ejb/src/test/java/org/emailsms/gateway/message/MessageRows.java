package org.emailsms.gateway.message;

import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.message.boundary.SmscMessageIds;

/**
 * Puts a stored message in the state a delivery attempt leaves it in, for tests that start from
 * there. Delivery writes these states only through its own records; the entities have no methods
 * for them.
 */
public final class MessageRows {

    private MessageRows() {
    }

    /** Every part acknowledged, in order, under {@code smscIds}; the message {@code OK}. */
    public static void submitted(EntityManager em, long messageId, Instant at, String... smscIds) {
        em.flush();
        for (int i = 0; i < smscIds.length; i++) {
            em.createNativeQuery("UPDATE sms_part SET smsc_message_id = ?1, smsc_id_key = ?2, acknowledged_at = ?3 "
                            + "WHERE message_id = ?4 AND part_number = ?5")
                    .setParameter(1, smscIds[i]).setParameter(2, SmscMessageIds.key(smscIds[i]))
                    .setParameter(3, at.atOffset(ZoneOffset.UTC)).setParameter(4, messageId).setParameter(5, i + 1)
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE sms_message SET status = 'OK', submitted_at = ?1, changed_at = ?1, "
                        + "claimed_by = NULL, version = version + 1 WHERE id = ?2")
                .setParameter(1, at.atOffset(ZoneOffset.UTC)).setParameter(2, messageId).executeUpdate();
        em.clear();
    }

    /** An attempt failed for {@code reason}; the next one is due at {@code retryAt}. */
    public static void failed(EntityManager em, long messageId, String reason, Instant retryAt) {
        em.flush();
        em.createNativeQuery("UPDATE sms_message SET status = 'FAIL', last_error = ?1, next_attempt_at = ?2, "
                        + "changed_at = ?3, claimed_by = NULL, version = version + 1 WHERE id = ?4")
                .setParameter(1, reason).setParameter(2, retryAt.atOffset(ZoneOffset.UTC))
                .setParameter(3, Instant.now().atOffset(ZoneOffset.UTC)).setParameter(4, messageId).executeUpdate();
        em.clear();
    }
}

package org.emailsms.gateway.inbound.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.inbound.control.InboundPdu;
import org.emailsms.gateway.inbound.entity.ReceivedPdu;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.boundary.ProviderRole;
import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * Stored deliver_sm PDUs not processed yet, counted in the database so that every node reports the
 * same: those still to be processed (a few in normal running, receipts that overtook their
 * acknowledgement among them) and those given up (alert on these: kept with last_error), which the
 * operators can list and have tried again once they have mended the cause.
 */
@Stateless
public class InboundBacklog {

    private static final Logger LOG = Logger.getLogger(InboundBacklog.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ProviderRole providerRole;

    @Inject
    ContentCipher cipher;

    public long waiting() {
        return count("SELECT COUNT(*) FROM inbound_pdu WHERE next_attempt_at IS NOT NULL");
    }

    public long givenUp() {
        return count("SELECT COUNT(*) FROM inbound_pdu WHERE next_attempt_at IS NULL");
    }

    /**
     * A PDU given up, for the operations view: addresses and why, not a reply's text (the
     * customer's content). {@code smscId} is the SMSC's id a receipt reports on, null for a reply.
     */
    public record GivenUpPdu(long id, boolean receipt, String source, String destination, String smscId,
                             int attempts, String lastError, OffsetDateTime receivedAt) {
    }

    /** The latest given-up PDUs first (the newest trouble), at most {@code max} (1 to 1,000). */
    public List<GivenUpPdu> latestGivenUp(String actorName, int max) throws NotAuthorizedException {
        providerRole.require(actorName);
        return em.createQuery("SELECT p FROM ReceivedPdu p WHERE p.nextAttemptAt IS NULL ORDER BY p.id DESC",
                        ReceivedPdu.class)
                .setMaxResults(Math.max(1, Math.min(max, 1_000))).getResultStream()
                .map(this::givenUp).toList();
    }

    private GivenUpPdu givenUp(ReceivedPdu row) {
        // One PDU stored under another content key must not hide all the others from the operators.
        Optional<byte[]> shortMessage = cipher.tryDecryptBytes(row.getSealedShortMessage());
        String unreadable = shortMessage.isPresent() ? "(unreadable receipt)"
                : "(cannot be decrypted with this node's content key)";
        InboundPdu pdu = row.toPdu(shortMessage.orElse(new byte[0]));
        String smscId = null;
        if (pdu.receipt()) {
            try {
                smscId = ReceiptService.quotedId(pdu);
            } catch (IllegalArgumentException noId) {
                smscId = unreadable;
            }
        }
        return new GivenUpPdu(row.getId(), pdu.receipt(), pdu.sourceAddress(), pdu.destinationAddress(), smscId,
                row.getAttempts(), row.getLastError(), row.getReceivedAt());
    }

    /**
     * Every given-up PDU once more with a fresh count of attempts, due now: the inbound sweep
     * takes them up. For after the cause is mended (a message restored, a mapping added).
     *
     * @return how many
     */
    public int retryGivenUp(String actorName) throws NotAuthorizedException {
        providerRole.require(actorName);
        int due = em.createNativeQuery(
                        "UPDATE inbound_pdu SET attempts = 0, next_attempt_at = ?1 WHERE next_attempt_at IS NULL")
                .setParameter(1, Instant.now().atOffset(ZoneOffset.UTC)).executeUpdate();
        LOG.info(() -> due + " given-up inbound PDUs to be tried again");
        return due;
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}

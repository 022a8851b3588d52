package org.emailsms.gateway.inbound.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.emailsms.gateway.inbound.entity.ReceivedPdu;
import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * The stored deliver_sm PDUs: written in batches, one transaction (one disk write) for all that
 * arrived together, and claimed by the sweep when due. Each method is its own transaction.
 */
@Dependent
public class ReceivedPdus {

    static final int CLAIM_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    ContentCipher cipher;

    @Inject
    InboundRetries retries;

    /** Stored PDUs outside the container, on a given entity manager: for tests and tools. */
    public static ReceivedPdus on(EntityManager em, ContentCipher cipher, InboundRetries retries) {
        ReceivedPdus rows = new ReceivedPdus();
        rows.em = em;
        rows.cipher = cipher;
        rows.retries = retries;
        return rows;
    }

    /**
     * Records at once what {@code recordNow} can record (receipts whose parts are known; it says
     * which), in this same transaction, and stores the rest for processing; returns each stored PDU's
     * id in order, null for one recorded here. All or none: should recording throw, nothing is stored
     * either.
     */
    @Transactional
    public List<Long> recordOrStore(List<InboundPdu> pdus, Function<List<InboundPdu>, List<Boolean>> recordNow) {
        List<Boolean> recorded = recordNow.apply(pdus);
        List<InboundPdu> toStore = new ArrayList<>();
        for (int i = 0; i < pdus.size(); i++) {
            if (!recorded.get(i)) {
                toStore.add(pdus.get(i));
            }
        }
        Iterator<Long> stored = store(toStore).iterator();
        List<Long> ids = new ArrayList<>(pdus.size());
        for (boolean done : recorded) {
            ids.add(done ? null : stored.next());
        }
        return ids;
    }

    /** Stores them all or none; returns their ids, in order. */
    @Transactional
    public List<Long> store(List<InboundPdu> pdus) {
        Instant now = Instant.now();
        Instant processBy = now.plus(retries.processWithin());
        List<ReceivedPdu> rows = new ArrayList<>(pdus.size());
        for (InboundPdu pdu : pdus) {
            ReceivedPdu row = new ReceivedPdu(pdu, cipher.encrypt(pdu.shortMessage()), now, processBy);
            em.persist(row);
            rows.add(row);
        }
        return rows.stream().map(ReceivedPdu::getId).toList();
    }

    /**
     * Those whose next attempt is due, oldest first, each claimed by compare-and-set (a new
     * deadline), so that of several nodes sweeping at once one takes it.
     */
    @Transactional
    public List<Long> claimDue(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery(
                        "SELECT id FROM inbound_pdu WHERE next_attempt_at <= ?1 ORDER BY next_attempt_at, id")
                .setParameter(1, at).setMaxResults(CLAIM_BATCH).getResultList();
        OffsetDateTime deadline = now.plus(retries.processWithin()).atOffset(ZoneOffset.UTC);
        List<Long> claimed = new ArrayList<>();
        for (Number id : due) {
            int updated = em.createNativeQuery(
                            "UPDATE inbound_pdu SET next_attempt_at = ?1 WHERE id = ?2 AND next_attempt_at <= ?3")
                    .setParameter(1, deadline).setParameter(2, id.longValue()).setParameter(3, at)
                    .executeUpdate();
            if (updated == 1) {
                claimed.add(id.longValue());
            }
        }
        return claimed;
    }
}

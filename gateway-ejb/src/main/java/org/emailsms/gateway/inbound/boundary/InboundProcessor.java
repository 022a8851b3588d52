package org.emailsms.gateway.inbound.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.inbound.control.InboundPdu;
import org.emailsms.gateway.inbound.control.InboundRetries;
import org.emailsms.gateway.inbound.control.InboundStatistics;
import org.emailsms.gateway.inbound.entity.ReceivedPdu;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.control.Failures;

/**
 * Processes stored deliver_sm PDUs, receipts and replies, several in one transaction (one disk
 * write for all). Each is deleted in the transaction that processed it, so it is processed once.
 * A receipt that overtook the acknowledgement it reports on waits, 1 s, 2 s, 4 s... and is given up
 * after {@code gateway.inbound.max-attempts} (about an hour by default); should anything else fail,
 * the batch is undone and each PDU tried alone, so one bad PDU holds back no other.
 */
@Stateless
public class InboundProcessor {

    private static final Logger LOG = Logger.getLogger(InboundProcessor.class.getName());
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    /** What became of one PDU: processed, a receipt waiting for its acknowledgement, failed, or already gone. */
    enum Outcome { RECEIPT, REPLY, WAITING, FAILED, GONE }

    @PersistenceContext
    EntityManager em;

    @EJB
    ReceiptService receipts;

    @EJB
    ReplyService replies;

    @Inject
    ContentCipher cipher;

    @Inject
    InboundStatistics statistics;

    @Inject
    InboundRetries retries;

    @Resource
    SessionContext context;

    /** This bean through the container, so that each call gets its own transaction. */
    InboundProcessor self;

    @PostConstruct
    void init() {
        self = context.getBusinessObject(InboundProcessor.class);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void process(List<Long> prompted) {
        // In ascending order, as every batch locks them: a prompt and a sweep that share PDUs wait
        // for each other instead of deadlocking.
        List<Long> ids = prompted.stream().sorted().toList();
        List<Outcome> outcomes;
        try {
            outcomes = self.together(ids);
        } catch (RuntimeException batchFailed) {
            LOG.log(Level.FINE, "inbound batch " + ids + " failed; each once more alone", batchFailed);
            outcomes = new ArrayList<>();
            for (Long id : ids) {
                outcomes.add(alone(id));
            }
        }
        for (Outcome outcome : outcomes) {
            switch (outcome) {
                case RECEIPT -> statistics.receiptProcessed();
                case REPLY -> statistics.replyProcessed();
                case WAITING -> statistics.receiptEarly();
                default -> { }
            }
        }
    }

    private Outcome alone(long id) {
        try {
            return self.together(List.of(id)).get(0);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Inbound PDU " + id + " could not be processed", failed);
            try {
                self.failed(id, Failures.reason(failed));
            } catch (RuntimeException notCounted) {
                // The database itself is away: the PDU keeps its deadline and the sweep tries again.
                LOG.log(Level.WARNING, "The failed attempt of inbound PDU " + id + " could not be counted", notCounted);
            }
            return Outcome.FAILED;
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outcome> together(List<Long> ids) {
        List<Outcome> outcomes = new ArrayList<>(ids.size());
        for (Long id : ids) {
            outcomes.add(handle(id));
        }
        return outcomes;
    }

    /** Counts a failed attempt of a PDU that threw; its own transaction, the attempt's was undone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String reason) {
        ReceivedPdu row = em.find(ReceivedPdu.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            retryLater(row, reason);
        }
    }

    Outcome handle(long id) {
        // Locked: the sweep may prompt a PDU that a prompt from its arrival is processing.
        ReceivedPdu row = em.find(ReceivedPdu.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return Outcome.GONE;
        }
        InboundPdu pdu = row.toPdu(cipher.decryptBytes(row.getSealedShortMessage()));
        if (pdu.receipt()) {
            if (!receipts.record(pdu)) {
                retryLater(row, "no acknowledged part matches the receipt (yet)");
                return Outcome.WAITING;
            }
            em.remove(row);
            return Outcome.RECEIPT;
        }
        replies.receive(pdu);
        em.remove(row);
        return Outcome.REPLY;
    }

    private void retryLater(ReceivedPdu row, String reason) {
        int maxAttempts = retries.maxAttempts();
        if (row.getAttempts() + 1 >= maxAttempts) {
            row.givenUp("given up after " + maxAttempts + " attempts: " + reason);
            LOG.warning(() -> String.format("Inbound PDU %d (received %s) given up: %s", row.getId(),
                    row.getReceivedAt(), reason));
        } else {
            row.deferred(reason, Instant.now(), FIRST_PAUSE.multipliedBy(1L << row.getAttempts()));
        }
    }
}

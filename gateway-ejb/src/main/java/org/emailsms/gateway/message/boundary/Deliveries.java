package org.emailsms.gateway.message.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.emailsms.gateway.message.control.DeliveryClaims;
import org.emailsms.gateway.message.control.DeliveryRecords;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.control.GroupCommit;
import org.emailsms.gateway.platform.control.GroupCommits;

/**
 * The message component's side of delivery, and the only writer of a message's delivery state:
 * the SMPP connector claims due messages here in batches and reports each attempt's outcome, which
 * is written through a group commit (outcomes that arrive while a write is under way go in the next
 * one together: one transaction for many messages, none held back longer than one write).
 */
@Singleton
// Claims and reports run concurrently; the group commit is the only serialisation.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Each claim and each write is a transaction of its own.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());
    static final int MAX_BATCH = 200;

    @Inject
    GroupCommits groupCommits;

    @Inject
    DeliveryClaims claims;

    @Inject
    DeliveryRecords records;

    private GroupCommit<DeliveryOutcome, MessageStatus> outcomes;

    @PostConstruct
    void init() {
        outcomes = groupCommits.start(MAX_BATCH, this::write, written -> { });
    }

    /** Up to {@code max} due messages, now held by {@code claimant} for {@code lease}. */
    public List<Delivery> claim(String claimant, int max, Duration lease) {
        return claims.claim(claimant, max, Instant.now(), lease);
    }

    /**
     * Records an attempt; the future gives the message's status once written (null if the claim
     * had been lost), exceptionally if the write failed: the message then stays claimed until its
     * lease runs out and goes again.
     */
    public CompletableFuture<MessageStatus> report(DeliveryOutcome outcome) {
        return outcomes.append(outcome).written();
    }

    /** Gives back the claims of a node that stops; how many there were. */
    public int release(String claimant) {
        return claims.release(claimant);
    }

    private List<MessageStatus> write(List<DeliveryOutcome> batch) {
        try {
            return records.write(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, batch.size() + " delivery attempts could not be recorded; those messages go "
                    + "again once their claims run out", e);
            throw e;
        }
    }
}

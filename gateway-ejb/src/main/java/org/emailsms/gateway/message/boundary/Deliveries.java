package org.emailsms.gateway.message.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.emailsms.gateway.message.control.RetryPolicy;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.control.GroupCommit;
import org.emailsms.gateway.platform.control.GroupCommits;
import org.emailsms.gateway.platform.control.NodeName;

/**
 * The message component's side of delivery, and the only writer of a message's delivery state.
 * What this node accepts is claimed in its own insert and handed to this node's pipeline from
 * memory ({@link #attach}); what no live node holds (retries come due, schedules released, the
 * messages of a node that died, what did not fit in memory) the pipeline claims here in batches.
 * Each attempt's outcome is written through a group commit (outcomes that arrive while a write is
 * under way go in the next one together: one transaction for many messages, none held back longer
 * than one write).
 *
 * <p>This node's claims last while its lease does: a heartbeat written every sweep interval (and
 * with every claim). A node that has not written one for half the lease starts no attempt, and
 * once it writes one again it does so under a new name, so that what it held meanwhile (which
 * another node may have taken over) is claimed afresh rather than sent twice.
 */
@Singleton
// Claims and reports run concurrently; the group commit is the only serialisation.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Each claim and each write is a transaction of its own.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());
    static final int MAX_BATCH = 200;

    /** This node's delivery pipeline, as the message component sees it. */
    public interface Pipeline {
        /** How many more messages it takes from memory now (it may take a few more). */
        int room();

        /** Messages accepted here and claimed in their insert, to deliver. */
        void take(List<Delivery> accepted);
    }

    @Inject
    GroupCommits groupCommits;

    @Inject
    DeliveryClaims claims;

    @Inject
    DeliveryRecords records;

    @Inject
    RetryPolicy retries;

    @Inject
    NodeName node;

    private GroupCommit<DeliveryOutcome, MessageStatus> outcomes;
    private volatile Pipeline pipeline;
    private volatile String claimant;
    /** When this node's heartbeat was last written (System.nanoTime), 0 before the first. */
    private volatile long lastBeat;

    @PostConstruct
    void init() {
        outcomes = groupCommits.start(MAX_BATCH, this::write, written -> { });
        claimant = newClaimant();
    }

    /**
     * This node in this lease (its name and a random suffix): a claim names it, so a restarted node
     * does not mistake old claims for its own, and an operator sees which node holds a message.
     */
    public String claimant() {
        return claimant;
    }

    /** This node's pipeline takes what it accepts from now on; its lease starts. */
    public void attach(Pipeline pipeline) {
        beat();
        this.pipeline = pipeline;
    }

    /**
     * The claimant to write into the insert of {@code count} accepted messages due now, when this
     * node's pipeline has room for them and its lease holds; else null (the messages are claimed
     * from the database, by this node or another).
     */
    public String claimantFor(int count) {
        Pipeline local = pipeline;
        return local != null && holdsLease() && local.room() >= count ? claimant : null;
    }

    /** After their insert committed: messages claimed by {@link #claimantFor} go to the pipeline. */
    public void deliverAccepted(List<Delivery> accepted) {
        Pipeline local = pipeline;
        if (local != null && !accepted.isEmpty()) {
            local.take(accepted);
        }
    }

    /** Writes this node's heartbeat; after a lapse, under a new name. False if it could not. */
    public boolean beat() {
        long started = System.nanoTime();
        if (lastBeat != 0 && !holdsLease()) {
            String lapsed = claimant;
            claimant = newClaimant();
            LOG.warning(() -> "The delivery lease of " + lapsed + " lapsed; what it held is claimed again by the "
                    + "next node to claim, and this node carries on as " + claimant);
        }
        try {
            claims.beat(claimant, Instant.now());
            lastBeat = started;
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot write the delivery heartbeat of " + claimant + "; attempts stop in "
                    + lease().dividedBy(2) + " without one", e);
            return false;
        }
    }

    /** Whether an attempt at {@code delivery} may start: it is this node's, and the lease holds. */
    public boolean holds(Delivery delivery) {
        return delivery.claimant().equals(claimant) && holdsLease();
    }

    /** Up to {@code max} due messages that no live node holds, now held by this one. */
    public List<Delivery> claim(int max) {
        long started = System.nanoTime();
        List<Delivery> claimed = claims.claim(claimant, max, Instant.now(), lease());
        lastBeat = started;
        return claimed;
    }

    /**
     * Records an attempt; the future gives the message's status once written (null if the claim
     * had been lost), exceptionally if the write failed: the message then stays claimed until its
     * node's lease runs out and goes again.
     */
    public CompletableFuture<MessageStatus> report(DeliveryOutcome outcome) {
        return outcomes.append(outcome).written();
    }

    /** This node stops: gives back what it holds and ends its lease; how many messages it held. */
    public int release() {
        pipeline = null;
        int released = claims.release(claimant);
        claims.withdraw(claimant);
        return released;
    }

    private boolean holdsLease() {
        long since = lastBeat;
        return since != 0 && System.nanoTime() - since < lease().dividedBy(2).toNanos();
    }

    private Duration lease() {
        return retries.requeueAfter();
    }

    private String newClaimant() {
        return node.get() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<MessageStatus> write(List<DeliveryOutcome> batch) {
        try {
            return records.write(batch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, batch.size() + " delivery attempts could not be recorded; those messages go "
                    + "again once their node's lease runs out", e);
            throw e;
        }
    }
}

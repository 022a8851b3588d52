package org.emailsms.gateway.message.boundary;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.message.control.DeliveryClaims;
import org.emailsms.gateway.message.control.DeliveryRecords;
import org.emailsms.gateway.message.control.MessageLifecycle;
import org.emailsms.gateway.message.control.OutcomeLog;
import org.emailsms.gateway.message.control.RetryPolicy;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.control.GroupCommits;
import org.emailsms.gateway.platform.control.MessageLog;
import org.emailsms.gateway.platform.control.NodeName;

/**
 * The message component's side of delivery, and the only writer of a message's delivery state.
 * What this node accepts is claimed in its own insert and handed to this node's pipeline from
 * memory ({@link #attach}); what no live node holds (retries come due, schedules released, the
 * messages of a node that died, what did not fit in memory) the pipeline claims here in batches.
 * Each attempt's outcome is made durable in this node's message log at once and written to the
 * database behind, many hundreds a transaction within {@code gateway.store.write-behind}
 * ({@link OutcomeLog}); at start, what the log still holds is written before anything is delivered.
 *
 * <p>This node's claims last while its lease does: a heartbeat written every sweep interval (and
 * with every claim). A node that has not written one for half the lease starts no attempt, and
 * once it writes one again it does so under a new name, so that what it held meanwhile (which
 * another node may have taken over) is claimed afresh rather than sent twice.
 */
@Singleton
// Its start writes what the message log kept: the schema must be there.
@DependsOn("SchemaMigration")
// Claims and reports run concurrently; the group commit is the only serialisation.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Each claim and each write is a transaction of its own.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

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

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "gateway.data.dir")
    String dataDir;

    /** How long an outcome may wait, durable in the message log, before it is written to the database. */
    @Inject
    @ConfigProperty(name = "gateway.store.write-behind", defaultValue = "PT1S")
    Duration writeBehind;

    private MessageLog log;
    private OutcomeLog outcomes;
    private volatile Pipeline pipeline;
    private volatile String claimant;
    /** When this node's heartbeat was last written (System.nanoTime), 0 before the first. */
    private volatile long lastBeat;

    @PostConstruct
    void init() {
        log = MessageLog.open(Path.of(dataDir, "message-log"), threads);
        outcomes = new OutcomeLog(log, groupCommits, writeBehind, new MessageLifecycle(retries), this::write);
        // What the log holds is written first; then what this node held before a crash is given
        // back at once, rather than when its old lease runs out.
        for (String before : outcomes.replay(Duration.ofMinutes(1))) {
            try {
                int released = claims.release(before);
                claims.withdraw(before);
                outcomes.leaseEnded(before);
                LOG.info(() -> "Gave back " + released + " messages " + before + " held before this start");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot give back what " + before + " held; it is taken over when its lease runs out", e);
            }
        }
        claimant = newClaimant();
        outcomes.leaseTaken(claimant);
    }

    @PreDestroy
    void close() {
        outcomes.stop();
        log.close();
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

    /** Whether accepted messages go to this node's pipeline from memory. */
    public interface Memory {
        /**
         * The claimant to write into the insert of {@code count} accepted messages due now, when
         * this node's lease holds and its pipeline has room for them, or the request is interactive
         * (a person's text goes into memory ahead of the bulk that fills it; left to the database it
         * would wait until memory had drained); else null (the messages are claimed from the
         * database, by this node or another).
         */
        String claimantFor(int count, boolean interactive);
    }

    /**
     * Asked once for a group of requests stored together, and then for each of them as a plain call:
     * through the container, the question cost a transaction check per request.
     */
    // Asked inside the acceptance transaction and touching no resource: the caller's transaction is left alone.
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Memory memory() {
        return (count, interactive) -> {
            Pipeline local = pipeline;
            return local != null && holdsLease() && (interactive || local.room() >= count) ? claimant : null;
        };
    }

    /** After their insert committed: messages claimed through {@link #memory()} go to the pipeline. */
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
            outcomes.leaseTaken(claimant);
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
     * Records an attempt; the future gives the message's status once the outcome is durable in the
     * message log (it reaches the database within the write-behind delay), exceptionally if it
     * could not be logged: the message then goes again should this node die before the write.
     */
    public CompletableFuture<MessageStatus> report(DeliveryOutcome outcome) {
        return outcomes.record(outcome);
    }

    /** What attempts made of any of {@code messageIds} that the database does not have yet. */
    // Asked inside a status query's transaction and reading memory only: the transaction is left alone.
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, OutcomeLog.Attempted> unwritten(Collection<Long> messageIds) {
        Map<Long, OutcomeLog.Attempted> attempts = new HashMap<>();
        for (long id : messageIds) {
            outcomes.unwritten(id).ifPresent(attempt -> attempts.put(id, attempt));
        }
        return attempts;
    }

    /** Writes at once the outcomes that acknowledged parts under these SMSC ids: their receipts have come. */
    public void writeAcknowledged(Collection<String> idKeys) {
        outcomes.writeAcknowledged(idKeys);
    }

    /**
     * This node stops: writes its outcomes, gives back what it holds and ends its lease; how many
     * messages it held.
     */
    public int release() {
        pipeline = null;
        boolean written = outcomes.writeAll(Duration.ofSeconds(5));
        // From here on a write that fails is left to the next start rather than tried again.
        outcomes.stop();
        if (!written) {
            LOG.warning("Not every delivery outcome is written yet: what this node holds is left to be taken over "
                    + "when its lease runs out, and its log is written at its next start");
            return 0;
        }
        int released = claims.release(claimant);
        claims.withdraw(claimant);
        outcomes.leaseEnded(claimant);
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
        return records.write(batch);
    }
}

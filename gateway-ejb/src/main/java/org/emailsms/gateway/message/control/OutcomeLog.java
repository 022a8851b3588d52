package org.emailsms.gateway.message.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.boundary.DeliveryOutcome;
import org.emailsms.gateway.message.boundary.DeliveryOutcome.Kind;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.CarrierNames;
import org.emailsms.gateway.platform.control.GroupCommit;
import org.emailsms.gateway.platform.control.GroupCommits;
import org.emailsms.gateway.platform.control.MessageLog;

/**
 * What delivery attempts came to, made durable in this node's message log as soon as they are
 * known (the appends of a few milliseconds share one disk sync) and written to the database behind,
 * many hundreds in one transaction, within the write-behind delay. A record leaves the log once its
 * write has committed; a node restarted on its data directory writes what its log still holds
 * before it delivers anything, so that nothing it knew it had submitted goes twice. The database
 * write is conditional on the claim (a replayed outcome whose message is done or taken over
 * changes nothing), so writing an outcome twice is harmless.
 *
 * <p>Until written, an outcome answers for its message's status ({@link #unwritten}), and a
 * receipt for a part it acknowledged has it written at once ({@link #writeAcknowledged}).
 */
public final class OutcomeLog {

    private static final Logger LOG = Logger.getLogger(OutcomeLog.class.getName());
    /** At most this many outcomes a transaction. */
    static final int MAX_BATCH = 2_000;
    private static final byte OUTCOME = 1;
    /** A lease this node held: after a restart, what it still holds is given back once the log is written. */
    private static final byte LEASE = 2;
    /** 2: with the delivery's route and each acknowledged part's carrier; 1 is read as the default carrier. */
    private static final byte FORMAT = 2;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /** An outcome on its way to the database, under its record in the log. */
    private record Logged(long record, DeliveryOutcome outcome) {
    }

    /**
     * What an attempt made of its message, as its row will say once written: the status, the
     * attempts made, when every part was acknowledged (null if not), the last error and when the
     * next attempt is due (null unless it failed and goes again).
     */
    public record Attempted(MessageStatus status, int attempts, Instant submittedAt, String lastError,
                            Instant nextAttemptAt) {
    }

    /** An outcome not yet written: what it made of its message, and its place in the write-behind. */
    private record Unwritten(Attempted attempted, GroupCommit.Entry<Logged, MessageStatus> entry) {
    }

    private final MessageLog log;
    private final MessageLifecycle lifecycle;
    private final Function<List<DeliveryOutcome>, List<MessageStatus>> write;
    private final GroupCommit<Logged, MessageStatus> writeBehind;
    private final Map<Long, Unwritten> unwritten = new ConcurrentHashMap<>();
    /** The SMSC ids (canonical) of parts acknowledged by outcomes not yet written, with their message. */
    private final Map<String, Long> unwrittenAcknowledgements = new ConcurrentHashMap<>();
    private final Map<String, Long> leases = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /**
     * {@code write} writes a batch of outcomes in one transaction and gives each message's status
     * (null where the claim was lost), as {@link DeliveryRecords#write} does.
     */
    public OutcomeLog(MessageLog log, GroupCommits writers, Duration delay, MessageLifecycle lifecycle,
                      Function<List<DeliveryOutcome>, List<MessageStatus>> write) {
        this.log = log;
        this.lifecycle = lifecycle;
        this.write = write;
        this.writeBehind = writers.start(MAX_BATCH, delay, this::writeBatch, statuses -> { });
    }

    /**
     * Logs an attempt's outcome and queues it for the database; the future gives the message's
     * status once the outcome is on disk here (exceptionally if it cannot be: the message then goes
     * again if this node dies before the database has it).
     */
    public CompletableFuture<MessageStatus> record(DeliveryOutcome outcome) {
        MessageStatus status = lifecycle.statusAfter(outcome);
        long record = log.nextId();
        CompletableFuture<Void> durable = log.add(record, OUTCOME, encode(outcome));
        queue(new Logged(record, outcome));
        return durable.thenApply(done -> status);
    }

    /** What an outcome not yet written made of {@code messageId}, if there is one. */
    public Optional<Attempted> unwritten(long messageId) {
        Unwritten pending = unwritten.get(messageId);
        return pending == null ? Optional.empty() : Optional.of(pending.attempted());
    }

    /**
     * Writes now, and waits for, the outcomes not yet written that acknowledged parts under any of
     * {@code idKeys}: a receipt often comes within milliseconds of the acknowledgement it reports on.
     */
    public void writeAcknowledged(Collection<String> idKeys) {
        List<CompletableFuture<MessageStatus>> writes = new ArrayList<>();
        for (String key : idKeys) {
            Long messageId = unwrittenAcknowledgements.get(key);
            Unwritten pending = messageId == null ? null : unwritten.get(messageId);
            if (pending != null && pending.entry() != null) {
                writes.add(pending.entry().written());
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        writeBehind.hurry();
        if (!awaitAll(writes, Duration.ofSeconds(10))) {
            // The receipt finds no part yet and is tried again later, as one that overtook its acknowledgement.
            LOG.fine(() -> "acknowledgements under " + idKeys + " not written yet");
        }
    }

    /** Writes every outcome not yet written, waiting up to {@code grace}: before a node gives back its claims. */
    public boolean writeAll(Duration grace) {
        List<CompletableFuture<MessageStatus>> writes = unwritten.values().stream()
                .filter(pending -> pending.entry() != null).map(pending -> pending.entry().written()).toList();
        writeBehind.hurry();
        return awaitAll(writes, grace);
    }

    /** Remembers that this node delivers as {@code claimant}, so that a restart can give back what it held. */
    public void leaseTaken(String claimant) {
        long record = log.nextId();
        leases.put(claimant, record);
        log.add(record, LEASE, claimant.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code claimant} gave back what it held: no restart needs to. */
    public void leaseEnded(String claimant) {
        Long record = leases.remove(claimant);
        if (record != null) {
            log.delete(record);
        }
    }

    /**
     * After a restart: queues every outcome the log still holds for the database, and returns once
     * they are written (or {@code grace} has passed) the leases this node held before, whose
     * messages the caller gives back. Their records stay until {@link #leaseEnded}.
     */
    public List<String> replay(Duration grace) {
        List<CompletableFuture<MessageStatus>> writes = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (MessageLog.Entry entry : log.replayed()) {
            if (entry.type() == OUTCOME) {
                DeliveryOutcome outcome = decode(entry.data());
                writes.add(queue(new Logged(entry.id(), outcome)).written());
            } else if (entry.type() == LEASE) {
                String claimant = new String(entry.data(), StandardCharsets.UTF_8);
                leases.put(claimant, entry.id());
                before.add(claimant);
            }
        }
        if (!writes.isEmpty()) {
            LOG.info(() -> "Writing " + writes.size() + " delivery outcomes the message log held at start");
            writeBehind.hurry();
            if (!awaitAll(writes, grace)) {
                LOG.warning("The outcomes the message log held at start are not all written yet; what this node "
                        + "held before is left to be taken over when its lease runs out");
                return List.of();
            }
        }
        return before;
    }

    /** Whether every write completed within {@code grace}. */
    private static boolean awaitAll(List<CompletableFuture<MessageStatus>> writes, Duration grace) {
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Stops retrying writes: what is not written stays in the log for the next start. */
    public void stop() {
        stopping = true;
    }

    private GroupCommit.Entry<Logged, MessageStatus> queue(Logged logged) {
        DeliveryOutcome outcome = logged.outcome();
        long messageId = outcome.delivery().messageId();
        Attempted status = attempted(outcome);
        // Known before the append, so that a write taking it at once finds it to remove; its entry
        // is filled in after, unless that write has been and gone.
        unwritten.put(messageId, new Unwritten(status, null));
        outcome.acknowledged().forEach(part -> unwrittenAcknowledgements.put(part.idKey(), messageId));
        GroupCommit.Entry<Logged, MessageStatus> entry = writeBehind.append(logged);
        unwritten.computeIfPresent(messageId, (id, pending) -> pending.entry() == null ? new Unwritten(status, entry) : pending);
        return entry;
    }

    private Attempted attempted(DeliveryOutcome outcome) {
        MessageStatus status = lifecycle.statusAfter(outcome);
        Instant submitted = status != MessageStatus.OK ? null : outcome.acknowledged().stream()
                .map(DeliveryOutcome.Acknowledged::at).max(Instant::compareTo).orElse(Instant.now());
        String error = switch (status) {
            case OK -> null;
            case ABORT -> lifecycle.abortReason(outcome);
            default -> outcome.failure().reason();
        };
        return new Attempted(status, lifecycle.attemptsAfter(outcome), submitted, error,
                status == MessageStatus.FAIL ? lifecycle.nextAttempt(outcome, Instant.now()) : null);
    }

    /** One transaction for the batch, tried again while the database is away; then the records leave the log. */
    private List<MessageStatus> writeBatch(List<Logged> batch) {
        List<DeliveryOutcome> outcomes = batch.stream().map(Logged::outcome).toList();
        List<MessageStatus> statuses;
        for (int failures = 0; ; failures++) {
            try {
                statuses = write.apply(outcomes);
                break;
            } catch (RuntimeException e) {
                if (stopping || Thread.currentThread().isInterrupted()) {
                    // Shutting down: the records stay in the log and are written at the next start.
                    throw e;
                }
                if (failures == 0) {
                    LOG.log(Level.WARNING, batch.size() + " delivery outcomes cannot be written to the database; they "
                            + "are safe in the message log and written once it is back", e);
                }
                LockSupport.parkNanos(RETRY_PAUSE.toNanos());
            }
        }
        for (Logged logged : batch) {
            DeliveryOutcome outcome = logged.outcome();
            unwritten.remove(outcome.delivery().messageId());
            outcome.acknowledged().forEach(part -> unwrittenAcknowledgements.remove(part.idKey(), outcome.delivery().messageId()));
            try {
                log.delete(logged.record());
            } catch (RuntimeException e) {
                // The log is closing: the record replays at the next start and changes nothing then.
                LOG.fine(() -> "record " + logged.record() + " stays in the message log: " + e.getMessage());
            }
        }
        return statuses;
    }

    static byte[] encode(DeliveryOutcome outcome) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            Delivery d = outcome.delivery();
            out.writeLong(d.messageId());
            out.writeUTF(d.claimant());
            out.writeInt(d.priority());
            out.writeUTF(d.destination());
            out.writeUTF(d.senderNumber());
            out.writeInt(d.content().length);
            out.write(d.content());
            out.writeInt(d.dataCoding());
            out.writeInt(d.segments());
            out.writeBoolean(d.separateParts());
            out.writeBoolean(d.receiptWanted());
            out.writeInt(d.attempts());
            writeInstant(out, d.due());
            out.writeUTF(String.join(",", d.route()));
            out.writeInt(d.parts().size());
            for (Delivery.Part part : d.parts()) {
                out.writeLong(part.id());
                out.writeInt(part.number());
            }
            out.writeInt(outcome.acknowledged().size());
            for (DeliveryOutcome.Acknowledged part : outcome.acknowledged()) {
                out.writeLong(part.partId());
                out.writeUTF(part.carrier());
                out.writeUTF(part.smscId());
                out.writeUTF(part.idKey());
                writeInstant(out, part.at());
            }
            out.writeBoolean(outcome.failure() != null);
            if (outcome.failure() != null) {
                out.writeUTF(outcome.failure().reason() == null ? "" : outcome.failure().reason());
                out.writeByte(outcome.failure().kind().ordinal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static DeliveryOutcome decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT && format != 1) {
                throw new IllegalStateException("a message log record of format " + format + ", not " + FORMAT);
            }
            long messageId = in.readLong();
            String claimant = in.readUTF();
            int priority = in.readInt();
            String destination = in.readUTF();
            String senderNumber = in.readUTF();
            byte[] content = in.readNBytes(in.readInt());
            int dataCoding = in.readInt();
            int segments = in.readInt();
            boolean separate = in.readBoolean();
            boolean receipt = in.readBoolean();
            int attempts = in.readInt();
            Instant due = readInstant(in);
            List<String> route = format == 1 ? List.of() : SmsMessage.routeOf(in.readUTF());
            List<Delivery.Part> parts = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                parts.add(new Delivery.Part(in.readLong(), in.readInt()));
            }
            Delivery delivery = new Delivery(messageId, claimant, priority, destination, senderNumber, content,
                    dataCoding, segments, separate, receipt, attempts, due, route, parts);
            List<DeliveryOutcome.Acknowledged> acknowledged = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                acknowledged.add(new DeliveryOutcome.Acknowledged(in.readLong(),
                        format == 1 ? CarrierNames.DEFAULT : in.readUTF(), in.readUTF(), in.readUTF(), readInstant(in)));
            }
            if (!in.readBoolean()) {
                return DeliveryOutcome.submitted(delivery, acknowledged);
            }
            String reason = in.readUTF();
            return DeliveryOutcome.failed(delivery, acknowledged, reason, Kind.values()[in.readByte()]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}

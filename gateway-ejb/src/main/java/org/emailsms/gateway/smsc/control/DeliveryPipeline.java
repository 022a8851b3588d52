package org.emailsms.gateway.smsc.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.boundary.DeliveryOutcome;
import org.emailsms.gateway.message.boundary.DeliveryOutcome.Kind;
import org.emailsms.gateway.message.boundary.SmscMessageIds;
import org.emailsms.gateway.message.control.EncodedSms;
import org.emailsms.gateway.message.control.MessageLifecycle;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.control.Failures;

/**
 * A node's outbound delivery: what this node accepted comes from memory ({@link #take}), already
 * claimed in its insert; one claimer takes the other due messages from the database in batches
 * (when prompted, and at least every sweep interval) while the local queue is short. Interactive
 * messages go first; as many workers as the binds' windows hold submit them, so every window stays
 * full and no database transaction is open across an SMPP round trip; each attempt's outcome goes
 * back to the message component, which writes many in one transaction.
 *
 * <p>An attempt starts only while the store says the node still holds the message (its lease
 * holds), so a message that another node may have taken over is not submitted here again.
 */
public final class DeliveryPipeline {

    private static final Logger LOG = Logger.getLogger(DeliveryPipeline.class.getName());
    /** At most this many claimed in one transaction. */
    static final int MAX_CLAIM = 500;
    /**
     * After a prompt, the claimer waits this long before it claims, so that the messages of the
     * requests accepted meanwhile go in the same claim (at 500 requests a second, a handful per
     * claim instead of one): a claim is a transaction, and its cost hardly depends on its size.
     */
    static final Duration LINGER = Duration.ofMillis(5);

    /**
     * At most this many accepted messages wait here from memory; what is accepted beyond it waits
     * in the database, unclaimed, until the claimer has room (about 4 MB of memory).
     */
    public static final int MEMORY_CAPACITY = 10_000;

    /** Where messages are claimed and outcomes reported: the message component. */
    public interface Store {
        List<Delivery> claim(int max);

        /** Whether an attempt at the message may start: this node still holds it. */
        boolean holds(Delivery delivery);

        void report(DeliveryOutcome outcome);
    }

    /** Submits one part through the first carrier of {@code route} that takes it. */
    @FunctionalInterface
    public interface Smsc {
        Submitted submit(List<String> route, Submission part) throws SubmitFailedException;
    }

    private final Store store;
    private final Smsc smsc;
    private final ContentCipher cipher;
    private final DeliveryStatistics statistics;
    private final MessageLifecycle lifecycle;
    private final Duration sweepInterval;
    private final int workers;
    private final int capacity;
    private final PriorityBlockingQueue<Delivery> ready = new PriorityBlockingQueue<>(64,
            Comparator.comparingInt(Delivery::priority).thenComparingLong(Delivery::messageId));
    private final BlockingQueue<Boolean> prompts = new ArrayBlockingQueue<>(1);
    private final List<Thread> threads = new ArrayList<>();
    private Thread claimer;
    private volatile boolean running;
    /** The last claim got all it asked for: more may be due, so a worker that drains the queue asks for more. */
    private volatile boolean moreMayBeDue;

    public DeliveryPipeline(Store store, Smsc smsc, ContentCipher cipher, DeliveryStatistics statistics,
                            MessageLifecycle lifecycle, Duration sweepInterval, int workers) {
        this.store = store;
        this.smsc = smsc;
        this.cipher = cipher;
        this.statistics = statistics;
        this.lifecycle = lifecycle;
        this.sweepInterval = sweepInterval;
        this.workers = Math.max(1, workers);
        // Enough to keep the workers busy between two claims, few enough that an interactive
        // message claimed next is not queued behind much bulk here.
        this.capacity = Math.min(2_000, Math.max(64, 4 * this.workers));
    }

    public synchronized void start(ThreadFactory threadFactory) {
        if (running || !threads.isEmpty()) {
            return;
        }
        running = true;
        claimer = named(threadFactory.newThread(this::claimWhilePrompted), "delivery-claimer");
        threads.add(claimer);
        for (int i = 0; i < workers; i++) {
            threads.add(named(threadFactory.newThread(this::submitWhileRunning), "delivery-worker-" + i));
        }
        threads.forEach(Thread::start);
    }

    /** Messages this node accepted and holds from their insert, to deliver from memory. */
    public void take(List<Delivery> accepted) {
        ready.addAll(accepted);
    }

    /** How many more accepted messages fit here now. */
    public int room() {
        return MEMORY_CAPACITY - ready.size();
    }

    /** Something may be due: claim now rather than at the next sweep. */
    public void prompt() {
        prompts.offer(Boolean.TRUE);
    }

    /**
     * Stops claiming and lets each worker finish the attempt it is in, for up to {@code grace};
     * returns what was claimed and not started, whose claims the caller gives back.
     */
    public synchronized List<Delivery> stop(Duration grace) {
        running = false;
        long deadline = System.nanoTime() + grace.toNanos();
        claimer.interrupt();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        List<Delivery> unstarted = new ArrayList<>();
        ready.drainTo(unstarted);
        return unstarted;
    }

    private void claimWhilePrompted() {
        while (running) {
            int room = capacity - ready.size();
            if (room >= capacity / 2) {
                int asked = Math.min(room, MAX_CLAIM);
                int got = claim(asked);
                moreMayBeDue = got == asked;
                if (moreMayBeDue) {
                    continue;
                }
            }
            try {
                if (prompts.poll(sweepInterval.toMillis(), TimeUnit.MILLISECONDS) != null) {
                    Thread.sleep(LINGER.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private int claim(int max) {
        try {
            List<Delivery> claimed = store.claim(max);
            ready.addAll(claimed);
            return claimed.size();
        } catch (RuntimeException e) {
            // The database is away: the next prompt or sweep tries again.
            LOG.log(Level.WARNING, "Cannot claim messages for delivery: " + e.getMessage(), e);
            return 0;
        }
    }

    private void submitWhileRunning() {
        while (running) {
            Delivery delivery;
            try {
                delivery = ready.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (delivery == null) {
                continue;
            }
            if (moreMayBeDue && ready.size() < capacity / 2) {
                prompt();
            }
            if (!store.holds(delivery)) {
                LOG.fine(() -> "Message " + delivery.messageId() + " is no longer held by this node (its lease "
                        + "lapsed); the next claim takes it");
                continue;
            }
            try {
                store.report(attempt(delivery));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The attempt at message " + delivery.messageId()
                        + " could not be reported; it goes again when its claim runs out", e);
            }
        }
    }

    /** One attempt: every part not yet acknowledged, in order; the first failure ends it. */
    DeliveryOutcome attempt(Delivery delivery) {
        List<DeliveryOutcome.Acknowledged> acknowledged = new ArrayList<>();
        Optional<String> tooLate = lifecycle.tooLate(delivery, Instant.now());
        if (tooLate.isPresent()) {
            return DeliveryOutcome.failed(delivery, acknowledged, tooLate.get(), Kind.PERMANENT);
        }
        String text = cipher.tryDecrypt(delivery.content()).orElse(null);
        if (text == null) {
            return DeliveryOutcome.failed(delivery, acknowledged, "The stored text cannot be decrypted: the content "
                    + "key was changed (gateway.crypto.key, or content.key in the data directory) or the data is damaged.",
                    Kind.PERMANENT);
        }
        try {
            EncodedSms sms = delivery.separateParts()
                    ? EncodedSms.separate(List.of(text.split(String.valueOf(SmsMessage.PART_SEPARATOR), -1))).orElseThrow()
                    : EncodedSms.of(text);
            // Separate parts go as SMS of their own: no concatenation header.
            int partCount = sms.isSeparate() ? 1 : delivery.segments();
            int reference = (int) (delivery.messageId() & 0xFF);
            for (Delivery.Part part : delivery.parts()) {
                statistics.submitted();
                Submitted submitted = smsc.submit(delivery.route(), new Submission(delivery.senderNumber(),
                        delivery.destination(), delivery.dataCoding(), sms.segments().get(part.number() - 1), reference,
                        part.number(), partCount, delivery.receiptWanted()));
                acknowledged.add(new DeliveryOutcome.Acknowledged(part.id(), submitted.carrier(), submitted.smscId(),
                        SmscMessageIds.key(submitted.carrier(), submitted.smscId()), Instant.now()));
                statistics.acknowledged(submitted.carrier());
            }
            LOG.fine(() -> String.format("Message %d to %s acknowledged by the SMSC (%d parts)",
                    delivery.messageId(), delivery.destination(), delivery.parts().size()));
            return DeliveryOutcome.submitted(delivery, acknowledged);
        } catch (SubmitFailedException e) {
            statistics.failedAttempt();
            Kind kind = e.isThrottled() ? Kind.THROTTLED : e.isPermanent() ? Kind.PERMANENT : Kind.TEMPORARY;
            LOG.fine(() -> String.format("Message %d attempt failed (%s): %s", delivery.messageId(), kind, e.getMessage()));
            return DeliveryOutcome.failed(delivery, acknowledged, e.getMessage(), kind);
        } catch (RuntimeException e) {
            // A fault on our side counts like a temporary failure, so a message that always fails
            // this way ends in ABORT with its error email instead of going again for ever.
            statistics.failedAttempt();
            LOG.log(Level.WARNING, "Delivery of message " + delivery.messageId() + " failed unexpectedly", e);
            return DeliveryOutcome.failed(delivery, acknowledged, "Unexpected failure in the gateway: "
                    + Failures.reason(e), Kind.TEMPORARY);
        }
    }

    private static Thread named(Thread thread, String name) {
        thread.setName(name);
        thread.setDaemon(true);
        return thread;
    }
}

package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.boundary.DeliveryOutcome;
import org.emailsms.gateway.message.boundary.DeliveryOutcome.Kind;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.control.GroupCommits;
import org.emailsms.gateway.platform.control.MessageLog;

/**
 * Outcomes are durable in the message log before the database has them, written behind in batches,
 * answered meanwhile, written at once when their receipt comes, kept through a database outage and
 * written at the next start when the node died first.
 */
class OutcomeLogTest {

    private static final MessageLifecycle LIFECYCLE = new MessageLifecycle(RetryPolicy.of(10, Duration.ofMinutes(2)));
    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final List<MessageLog> logs = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        writers.shutdownNow();
        writers.awaitTermination(10, TimeUnit.SECONDS);
        logs.forEach(MessageLog::close);
    }

    @Test
    void anOutcomeIsAnsweredAtOnceAndWrittenBehindInOneBatchWithTheOthers(@TempDir Path dir) throws Exception {
        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        OutcomeLog outcomes = outcomeLog(open(dir), Duration.ofMillis(300), recording(batches));

        for (long id = 1; id <= 50; id++) {
            assertEquals(MessageStatus.OK, outcomes.record(submitted(id)).get(10, TimeUnit.SECONDS), "durable here");
        }
        OutcomeLog.Attempted seventh = outcomes.unwritten(7).orElseThrow();
        assertEquals(MessageStatus.OK, seventh.status(), "answered before the database has it");
        assertEquals(1, seventh.attempts());
        assertEquals(Instant.parse("2026-12-07T10:00:01Z"), seventh.submittedAt(), "when its last part was acknowledged");
        assertTrue(outcomes.writeAll(Duration.ofSeconds(10)));

        assertEquals(50, batches.stream().mapToInt(List::size).sum(), "each written once");
        assertTrue(batches.size() <= 2, "together, not one by one: " + batches.size() + " writes");
        assertEquals(Optional.empty(), outcomes.unwritten(7));
        assertEquals(List.of(), reopened(dir).replayed(), "written, so gone from the log");
    }

    @Test
    void aReceiptHasItsAcknowledgementWrittenAtOnce(@TempDir Path dir) throws Exception {
        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        OutcomeLog outcomes = outcomeLog(open(dir), Duration.ofMinutes(5), recording(batches));
        outcomes.record(submitted(1)).get(10, TimeUnit.SECONDS);

        outcomes.writeAcknowledged(List.of("other"));
        assertEquals(List.of(), batches, "nothing acknowledged under that id: no write");
        outcomes.writeAcknowledged(List.of("key-1"));
        assertEquals(List.of(List.of(1L)), batches, "written, five minutes early");
    }

    @Test
    void aDatabaseOutageDelaysTheWriteAndLosesNothing(@TempDir Path dir) throws Exception {
        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        AtomicBoolean databaseAway = new AtomicBoolean(true);
        Function<List<DeliveryOutcome>, List<MessageStatus>> record = recording(batches);
        OutcomeLog outcomes = outcomeLog(open(dir), Duration.ofMillis(50), batch -> {
            if (databaseAway.get()) {
                throw new IllegalStateException("connection refused");
            }
            return record.apply(batch);
        });
        outcomes.record(submitted(1)).get(10, TimeUnit.SECONDS);
        outcomes.record(failed(2, Kind.TEMPORARY)).get(10, TimeUnit.SECONDS);

        assertTrue(!outcomes.writeAll(Duration.ofMillis(500)), "not while the database is away");
        OutcomeLog.Attempted failed = outcomes.unwritten(2).orElseThrow();
        assertEquals(MessageStatus.FAIL, failed.status());
        assertEquals("ESME_RSYSERR", failed.lastError());
        assertTrue(failed.nextAttemptAt().isAfter(Instant.now().plusSeconds(100)), "two minutes on: " + failed.nextAttemptAt());
        databaseAway.set(false);
        assertTrue(outcomes.writeAll(Duration.ofSeconds(10)), "written once it is back");
        assertEquals(List.of(1L, 2L), batches.stream().flatMap(List::stream).sorted().toList());
    }

    /** A node that died before the write: its next start writes what the log kept, and names the lease it held. */
    @Test
    void aRestartWritesWhatTheLogKeptAndNamesTheLeaseHeldBefore(@TempDir Path dir) throws Exception {
        MessageLog first = MessageLog.open(dir, Executors.defaultThreadFactory());
        OutcomeLog before = outcomeLog(first, Duration.ofMinutes(5), batch -> {
            throw new IllegalStateException("never reached: the node dies first");
        });
        before.leaseTaken("node-a/1");
        before.record(submitted(1)).get(10, TimeUnit.SECONDS);
        before.record(failed(2, Kind.PERMANENT)).get(10, TimeUnit.SECONDS);
        before.stop();
        first.close();

        List<List<Long>> batches = new CopyOnWriteArrayList<>();
        List<DeliveryOutcome> written = new CopyOnWriteArrayList<>();
        MessageLog again = open(dir);
        OutcomeLog after = outcomeLog(again, Duration.ofMinutes(5), batch -> {
            written.addAll(batch);
            return recording(batches).apply(batch);
        });

        assertEquals(List.of("node-a/1"), after.replay(Duration.ofSeconds(10)));
        assertEquals(List.of(1L, 2L), written.stream().map(o -> o.delivery().messageId()).sorted().toList());
        DeliveryOutcome aborted = written.stream().filter(o -> o.delivery().messageId() == 2).findFirst().orElseThrow();
        assertEquals(Kind.PERMANENT, aborted.failure().kind(), "as it was logged");
        assertEquals("key-1", written.stream().filter(o -> o.delivery().messageId() == 1).findFirst().orElseThrow()
                .acknowledged().get(0).idKey());
        after.leaseEnded("node-a/1");
        assertEquals(List.of(), reopened(dir).replayed(), "nothing left to replay");
    }

    @Test
    void anOutcomeKeepsItsRouteAndEachPartsCarrierInTheLog() {
        Delivery routed = new Delivery(7, "node-a/1", 0, "+6421234567", "+61491570156", new byte[] {1}, 0, 2, false,
                true, 1, Instant.parse("2026-12-07T10:00:00Z"), List.of("nz", "default"),
                List.of(new Delivery.Part(70, 1), new Delivery.Part(71, 2)));
        DeliveryOutcome outcome = DeliveryOutcome.failed(routed, List.of(new DeliveryOutcome.Acknowledged(70, "nz",
                "A1F", "nz/a1f", Instant.parse("2026-12-07T10:00:01Z"))), "Carrier nz: no answer", Kind.TEMPORARY);

        DeliveryOutcome read = OutcomeLog.decode(OutcomeLog.encode(outcome));

        assertEquals(List.of("nz", "default"), read.delivery().route());
        assertEquals(outcome.acknowledged(), read.acknowledged());
        assertEquals(outcome.failure(), read.failure());
    }

    /** A record the build before carriers wrote: read as the default carrier's, after an upgrade. */
    @Test
    void aRecordWrittenBeforeThereWereCarriersIsTheDefaultCarriers() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeLong(7);
            out.writeUTF("node-a/1");
            out.writeInt(1);
            out.writeUTF("+61412345678");
            out.writeUTF("+61491570156");
            out.writeInt(1);
            out.write(9);
            out.writeInt(0);
            out.writeInt(1);
            out.writeBoolean(false);
            out.writeBoolean(true);
            out.writeInt(0);
            out.writeLong(1_796_637_600L);
            out.writeInt(0);
            out.writeInt(1);
            out.writeLong(70);
            out.writeInt(1);
            out.writeInt(1);
            out.writeLong(70);
            out.writeUTF("A1F");
            out.writeUTF("a1f");
            out.writeLong(1_796_637_601L);
            out.writeInt(0);
            out.writeBoolean(false);
        }

        DeliveryOutcome read = OutcomeLog.decode(bytes.toByteArray());

        assertEquals(List.of(), read.delivery().route());
        assertEquals(List.of(new DeliveryOutcome.Acknowledged(70, "default", "A1F", "a1f",
                Instant.ofEpochSecond(1_796_637_601L))), read.acknowledged());
        assertTrue(read.isSubmitted());
    }

    private OutcomeLog outcomeLog(MessageLog log, Duration delay, Function<List<DeliveryOutcome>, List<MessageStatus>> write) {
        return new OutcomeLog(log, GroupCommits.on(writers), delay, LIFECYCLE, write);
    }

    private MessageLog open(Path dir) {
        MessageLog log = MessageLog.open(dir, Executors.defaultThreadFactory());
        logs.add(log);
        return log;
    }

    /** The log as the next start would find it: the current one closed first. */
    private MessageLog reopened(Path dir) {
        logs.forEach(MessageLog::close);
        logs.clear();
        return open(dir);
    }

    private static Function<List<DeliveryOutcome>, List<MessageStatus>> recording(List<List<Long>> batches) {
        return batch -> {
            batches.add(batch.stream().map(outcome -> outcome.delivery().messageId()).toList());
            return batch.stream().map(LIFECYCLE::statusAfter).toList();
        };
    }

    private static Delivery delivery(long id) {
        return new Delivery(id, "node-a/1", 1, "+61412345678", "+61491570156", new byte[] {1, 2, 3}, 0, 1, false,
                true, 0, Instant.parse("2026-12-07T10:00:00Z"), List.of(), List.of(new Delivery.Part(id * 10, 1)));
    }

    private static DeliveryOutcome submitted(long id) {
        return DeliveryOutcome.submitted(delivery(id), List.of(new DeliveryOutcome.Acknowledged(id * 10, "default", "SMSC-" + id,
                "key-" + id, Instant.parse("2026-12-07T10:00:01Z"))));
    }

    private static DeliveryOutcome failed(long id, Kind kind) {
        return DeliveryOutcome.failed(delivery(id), List.of(), "ESME_RSYSERR", kind);
    }
}

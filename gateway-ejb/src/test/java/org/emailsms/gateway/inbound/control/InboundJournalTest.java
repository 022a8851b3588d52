package org.emailsms.gateway.inbound.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.emailsms.gateway.platform.control.GroupCommit;
import org.emailsms.gateway.platform.control.GroupCommits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit: what arrives while a write is under way goes into the next write together, each
 * caller is answered only once its PDU is stored, and a failed write fails exactly its own PDUs.
 */
class InboundJournalTest {

    private final ExecutorService writers = Executors.newFixedThreadPool(4);
    private final StandInRows rows = new StandInRows();
    private final List<List<Long>> prompts = Collections.synchronizedList(new ArrayList<>());
    /** One permit per prompted id: prompts go out after the callers are answered. */
    private final Semaphore prompted = new Semaphore(0);
    private final InboundJournal journal = new InboundJournal();

    InboundJournalTest() {
        journal.groupCommits = GroupCommits.on(writers);
        journal.init();
        journal.rows = rows;
        journal.queue = new InboundQueue() {
            @Override
            public void prompt(List<Long> ids) {
                prompts.add(List.copyOf(ids));
                prompted.release(ids.size());
            }
        };
    }

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    @Test
    void pdusArrivingDuringAWriteAreStoredTogetherInTheNext() throws Exception {
        rows.holdNextWrite();
        CompletableFuture<Long> first = journal.append(pdu("first")).written();
        assertTrue(rows.writing.await(10, TimeUnit.SECONDS), "the first write started");

        List<CompletableFuture<Long>> later = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            later.add(journal.append(pdu("later " + i)).written());
        }
        assertTrue(later.stream().noneMatch(CompletableFuture::isDone), "not answered before they are stored");
        rows.release.countDown();

        first.get(10, TimeUnit.SECONDS);
        CompletableFuture.allOf(later.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(1, 9), rows.batchSizes, "two writes: the first alone, the nine that waited together");
        awaitPrompted(10);
        assertEquals(9, prompts.get(1).size(), "the nine in one prompt");
    }

    @Test
    void aBurstDuringAWriteNeedsOneWriterNotOnePerPdu() throws Exception {
        // As bounded as the container's executor can be: one thread, room for one queued task.
        ThreadPoolExecutor bounded = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        AtomicInteger started = new AtomicInteger();
        journal.groupCommits = GroupCommits.on(task -> {
            started.incrementAndGet();
            bounded.execute(task);
        });
        journal.init();
        try {
            rows.holdNextWrite();
            CompletableFuture<Long> first = journal.append(pdu("first")).written();
            assertTrue(rows.writing.await(10, TimeUnit.SECONDS), "the first write started");
            List<CompletableFuture<Long>> burst = new ArrayList<>();
            for (int i = 0; i < 999; i++) {
                burst.add(journal.append(pdu("burst " + i)).written());
            }
            rows.release.countDown();

            first.get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertEquals(1, started.get(), "the running writer took the burst up");
            assertEquals(List.of(1, 200, 200, 200, 200, 199), rows.batchSizes, "in writes of at most 200");
            awaitPrompted(1000);
        } finally {
            bounded.shutdownNow();
        }
    }

    @Test
    void aPduWithdrawnBeforeAWriteTookItIsNeverStoredOneTakenCannotBeWithdrawn() throws Exception {
        rows.holdNextWrite();
        GroupCommit.Entry<InboundPdu, Long> inTheWrite = journal.append(pdu("in the write"));
        assertTrue(rows.writing.await(10, TimeUnit.SECONDS), "the first write started");
        GroupCommit.Entry<InboundPdu, Long> waiting = journal.append(pdu("waiting"));
        GroupCommit.Entry<InboundPdu, Long> kept = journal.append(pdu("kept"));

        assertFalse(inTheWrite.withdraw(), "a write has it: its outcome decides");
        assertTrue(waiting.withdraw(), "no write has it yet");
        rows.release.countDown();

        inTheWrite.written().get(10, TimeUnit.SECONDS);
        kept.written().get(10, TimeUnit.SECONDS);
        assertThrows(ExecutionException.class, () -> waiting.written().get(10, TimeUnit.SECONDS));
        assertEquals(List.of(1, 1), rows.batchSizes, "the withdrawn one was left out of the second write");
        awaitPrompted(2);
    }

    @Test
    void aFailedWriteFailsItsOwnPdusAndTheNextWriteWorks() throws Exception {
        rows.failNextWrite();
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> journal.append(pdu("lost")).written().get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getMessage().contains("disk full"), failed.getCause().getMessage());

        journal.append(pdu("kept")).written().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(1), rows.batchSizes, "only the successful write counted");
        awaitPrompted(1);
        assertEquals(1, prompts.size(), "only what was stored is prompted");
    }

    private void awaitPrompted(int count) throws InterruptedException {
        assertTrue(prompted.tryAcquire(count, 10, TimeUnit.SECONDS), "every stored PDU prompted");
        assertEquals(count, prompts.stream().mapToInt(List::size).sum(), "and no more");
    }

    private static InboundPdu pdu(String text) {
        return new InboundPdu(false, "61412345678", "61491570156", 0, 0, text.getBytes(), null, null, null, null, null, "default");
    }

    /** Records the size of each write; can hold one until released, or fail one. */
    private static final class StandInRows extends ReceivedPdus {
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final AtomicLong ids = new AtomicLong(1000);
        private volatile boolean hold;
        private volatile boolean fail;

        void holdNextWrite() {
            hold = true;
        }

        void failNextWrite() {
            fail = true;
        }

        @Override
        public List<Long> store(List<InboundPdu> pdus) {
            if (fail) {
                fail = false;
                throw new IllegalStateException("disk full");
            }
            if (hold) {
                hold = false;
                writing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            batchSizes.add(pdus.size());
            return pdus.stream().map(p -> ids.incrementAndGet()).toList();
        }
    }
}

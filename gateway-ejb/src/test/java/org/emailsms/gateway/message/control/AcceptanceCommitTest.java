package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.PersistenceException;

import org.emailsms.gateway.message.boundary.QuotaExceededException;
import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.message.boundary.SendOptions;
import org.emailsms.gateway.message.control.MessageAcceptance.Accepted;
import org.emailsms.gateway.message.control.MessageAcceptance.Checked;
import org.emailsms.gateway.message.control.MessageAcceptance.Stored;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.control.GroupCommits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit around the store, with a stand-in for the transactional store: requests that
 * arrive while a store is under way share the next one; a group that fails is stored request by
 * request; a lost race for a new reply path is stored again; a quota refusal is its caller's only.
 */
class AcceptanceCommitTest {

    private static final PersistenceException DUPLICATE_REPLY_PATH = new PersistenceException("insert failed",
            new SQLException("Unique index or primary key violation: REPLY_PATH", "23505"));
    private static final PersistenceException LOCK_TIMEOUT = new PersistenceException("update failed",
            new SQLException("Timeout trying to lock table", "HYT00"));

    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        writer.shutdownNow();
        callers.shutdownNow();
    }

    @Test
    void requestsThatArriveDuringAStoreShareTheNextOne() throws Exception {
        CountDownLatch firstStoreUnderWay = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedAcceptance acceptance = new ScriptedAcceptance() {
            @Override
            public Accepted store(Checked request) throws QuotaExceededException {
                firstStoreUnderWay.countDown();
                await(release);
                return super.store(request);
            }
        };
        AcceptanceCommit cut = commit(acceptance);

        CompletableFuture<Accepted> first = storeAsync(cut, "first");
        firstStoreUnderWay.await(10, TimeUnit.SECONDS);
        List<CompletableFuture<Accepted>> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(storeAsync(cut, "other " + i));
        }
        awaitAppended(cut, 5);
        release.countDown();

        assertEquals("first", first.get(10, TimeUnit.SECONDS).results().get(0).recipient());
        for (int i = 0; i < 5; i++) {
            others.get(i).get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(5), acceptance.groupSizes, "the five that waited went in one transaction");
    }

    @Test
    void aFailedGroupIsStoredRequestByRequestAndOnlyTheFailingRequestFails() throws Exception {
        ScriptedAcceptance acceptance = new ScriptedAcceptance();
        acceptance.groupFailure = DUPLICATE_REPLY_PATH;
        acceptance.failuresOf.put("raced", new ArrayList<>(List.of(DUPLICATE_REPLY_PATH)));
        acceptance.failuresOf.put("locked", new ArrayList<>(List.of(LOCK_TIMEOUT)));
        acceptance.refused.add("over quota");
        acceptance.failuresOf.put("sent again", new ArrayList<>(List.of(DUPLICATE_REPLY_PATH)));
        acceptance.answered.add("sent again");
        AcceptanceCommit cut = commit(acceptance);

        List<Stored> stored = cut.storeGroup(List.of(request("ok"), request("raced"), request("locked"), request("over quota"),
                request("sent again")));

        assertEquals("ok", stored.get(0).accepted().results().get(0).recipient());
        assertEquals("raced", stored.get(1).accepted().results().get(0).recipient(), "stored on the second try");
        assertSame(LOCK_TIMEOUT, stored.get(2).failure(), "not retried");
        assertEquals(QuotaExceededException.class, stored.get(3).refused().getClass());
        assertEquals(7L, stored.get(4).accepted().results().get(0).messageId(), "its request id's first answer");
        assertEquals(List.of(), stored.get(4).accepted().toQueue(), "nothing queued again");
        assertEquals(List.of("ok", "raced", "raced", "locked", "over quota", "sent again"), acceptance.alone);
    }

    @Test
    void aQuotaRefusalReachesItsCallerAsTheRefusal() {
        ScriptedAcceptance acceptance = new ScriptedAcceptance();
        acceptance.refused.add("over quota");
        AcceptanceCommit cut = commit(acceptance);

        assertThrows(QuotaExceededException.class, () -> cut.store(request("over quota")));
        assertThrows(PersistenceException.class, () -> {
            acceptance.failuresOf.put("locked", new ArrayList<>(List.of(LOCK_TIMEOUT)));
            cut.store(request("locked"));
        });
    }

    private AcceptanceCommit commit(MessageAcceptance acceptance) {
        AcceptanceCommit cut = new AcceptanceCommit();
        cut.acceptance = acceptance;
        cut.groupCommits = GroupCommits.on(writer);
        cut.init();
        return cut;
    }

    private CompletableFuture<Accepted> storeAsync(AcceptanceCommit cut, String recipient) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return cut.store(request(recipient));
            } catch (QuotaExceededException e) {
                throw new AssertionError(e);
            }
        }, callers);
    }

    /** Polls, with a deadline, until {@code count} requests wait for the next store. */
    private static void awaitAppended(AcceptanceCommit cut, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cut.waiting() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + cut.waiting() + " requests appended");
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Checked request(String recipient) {
        return new Checked(null, List.of(recipient), List.of(), null, SendOptions.defaults(), List.of(), List.of(recipient), null);
    }

    /** Stores by name: a recipient's scripted failures first, refusals for the named ones. */
    private static class ScriptedAcceptance extends MessageAcceptance {
        final List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        final List<String> alone = Collections.synchronizedList(new ArrayList<>());
        final java.util.Map<String, List<RuntimeException>> failuresOf = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> refused = new ArrayList<>();
        /** Recipients whose request id was answered meanwhile, with message 7. */
        final List<String> answered = new ArrayList<>();
        RuntimeException groupFailure;

        @Override
        public List<Stored> storeAll(List<Checked> requests) {
            groupSizes.add(requests.size());
            if (groupFailure != null) {
                throw groupFailure;
            }
            List<Stored> stored = new ArrayList<>();
            for (Checked request : requests) {
                try {
                    stored.add(new Stored(store(request), null));
                } catch (QuotaExceededException e) {
                    stored.add(new Stored(null, e));
                }
            }
            return stored;
        }

        @Override
        public java.util.Optional<List<RecipientResult>> answerBefore(Checked request) {
            String recipient = request.recipients().get(0);
            return answered.contains(recipient)
                    ? java.util.Optional.of(List.of(RecipientResult.accepted(recipient, 7L, MessageStatus.PENDING)))
                    : java.util.Optional.empty();
        }

        @Override
        public Accepted store(Checked request) throws QuotaExceededException {
            String recipient = request.recipients().get(0);
            alone.add(recipient);
            List<RuntimeException> failures = failuresOf.getOrDefault(recipient, List.of());
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            if (refused.contains(recipient)) {
                throw new QuotaExceededException("The company's daily quota of 1 SMS segments has 0 left.", 1);
            }
            return new Accepted(List.of(RecipientResult.accepted(recipient, 42L, MessageStatus.PENDING)), List.of(42L));
        }
    }
}

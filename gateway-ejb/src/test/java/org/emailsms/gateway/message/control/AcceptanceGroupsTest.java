package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.emailsms.gateway.message.boundary.QuotaExceededException;
import org.emailsms.gateway.message.boundary.RecipientResult;
import org.emailsms.gateway.message.boundary.SendOptions;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit of sendMessage: requests that arrive while a group is being stored are accepted
 * together in the next, a refusal in a group is that request's alone, and a group whose
 * transaction fails is accepted again request by request.
 */
class AcceptanceGroupsTest {

    private final ExecutorService senders = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        senders.shutdownNow();
    }

    @Test
    void requestsArrivingDuringAGroupAreAcceptedTogetherAndARefusalIsTheirOwn() throws Exception {
        StandInAcceptance acceptance = new StandInAcceptance();
        AcceptanceGroups groups = AcceptanceGroups.over(acceptance);
        acceptance.holdFirstGroup = true;

        Future<MessageAcceptance.Accepted> first = senders.submit(() -> groups.accept("1", List.of("a"), "hi", null));
        assertTrue(acceptance.firstGroupStarted.await(10, TimeUnit.SECONDS));
        Future<MessageAcceptance.Accepted> second = senders.submit(() -> groups.accept("2", List.of("b"), "hi", null));
        Future<MessageAcceptance.Accepted> overQuota = senders.submit(() -> groups.accept("3", List.of("over"), "hi", null));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groups.waitingForTurn() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, groups.waitingForTurn(), "both wait while the first group is stored");
        acceptance.release.countDown();

        assertEquals("a", first.get(10, TimeUnit.SECONDS).results().get(0).recipient());
        assertEquals("b", second.get(10, TimeUnit.SECONDS).results().get(0).recipient());
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> overQuota.get(10, TimeUnit.SECONDS));
        assertInstanceOf(QuotaExceededException.class, refused.getCause());
        assertEquals(List.of(1, 2), acceptance.groupSizes, "the first alone, the two that waited together");
        assertEquals(0, acceptance.alone, "nothing accepted alone");
    }

    @Test
    void aGroupWhoseTransactionFailsIsAcceptedRequestByRequest() throws Exception {
        StandInAcceptance acceptance = new StandInAcceptance();
        acceptance.failGroups = true;

        MessageAcceptance.Accepted accepted = AcceptanceGroups.over(acceptance).accept("1", List.of("a"), "hi", null);

        assertEquals("a", accepted.results().get(0).recipient());
        assertEquals(1, acceptance.alone, "accepted alone after the group failed");
    }

    /** Accepts every recipient but "over" (refused for quota); can hold the first group or fail groups. */
    private static final class StandInAcceptance extends MessageAcceptance {
        final List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstGroupStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean holdFirstGroup;
        volatile boolean failGroups;
        volatile int alone;

        @Override
        public List<Decision> acceptTogether(List<Request> group) {
            if (failGroups) {
                throw new IllegalStateException("rolled back");
            }
            if (holdFirstGroup) {
                holdFirstGroup = false;
                firstGroupStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            groupSizes.add(group.size());
            List<Decision> decisions = new ArrayList<>();
            for (Request request : group) {
                String recipient = request.recipients().get(0);
                decisions.add(recipient.equals("over")
                        ? new Decision(null, new QuotaExceededException("no quota left"))
                        : new Decision(accepted(recipient), null));
            }
            return decisions;
        }

        @Override
        public Accepted accept(String serial, List<String> recipients, String text, SendOptions options) {
            alone++;
            return accepted(recipients.get(0));
        }

        private static Accepted accepted(String recipient) {
            return new Accepted(List.of(RecipientResult.accepted(recipient, 1L, MessageStatus.PENDING)), List.of(1L));
        }
    }
}

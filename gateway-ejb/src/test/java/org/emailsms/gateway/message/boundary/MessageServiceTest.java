package org.emailsms.gateway.message.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.PersistenceException;

import org.emailsms.gateway.message.control.MessageAcceptance;
import org.emailsms.gateway.message.control.OutboundQueue;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.junit.jupiter.api.Test;

/**
 * What sendMessage does around acceptance, with stand-ins for the transactional parts: a lost race
 * for a new reply path is accepted on the second try, anything else is not retried, and a queue
 * that cannot be reached does not turn an accepted message into a fault.
 */
class MessageServiceTest {

    private static final PersistenceException DUPLICATE_REPLY_PATH = new PersistenceException("insert failed",
            new SQLException("Unique index or primary key violation: REPLY_PATH", "23505"));
    private static final PersistenceException LOCK_TIMEOUT = new PersistenceException("update failed",
            new SQLException("Timeout trying to lock table", "HYT00"));

    @Test
    void acceptsAgainWhenAnotherSenderTookTheSameNewConversation() throws Exception {
        ScriptedAcceptance acceptance = new ScriptedAcceptance(DUPLICATE_REPLY_PATH);
        RecordingQueue queue = new RecordingQueue(null);

        List<RecipientResult> results = service(acceptance, queue).send("1234567890123456", List.of("+61412345678"), "Hi", null);

        assertEquals(2, acceptance.calls, "one retry");
        assertEquals(42L, results.get(0).messageId());
        assertEquals(List.of(List.of(42L)), queue.sent, "queued once, after the successful attempt");
    }

    @Test
    void doesNotRetryOtherDatabaseFailures() {
        ScriptedAcceptance acceptance = new ScriptedAcceptance(LOCK_TIMEOUT);

        PersistenceException thrown = assertThrows(PersistenceException.class, () -> service(acceptance, new RecordingQueue(null))
                .send("1234567890123456", List.of("+61412345678"), "Hi", null));

        assertSame(LOCK_TIMEOUT, thrown);
        assertEquals(1, acceptance.calls);
    }

    @Test
    void answersAcceptedWhenTheQueueCannotBeReached() throws Exception {
        RecordingQueue brokerDown = new RecordingQueue(new IllegalStateException("cannot queue messages: connection refused"));

        List<RecipientResult> results = service(new ScriptedAcceptance(), brokerDown)
                .send("1234567890123456", List.of("+61412345678"), "Hi", null);

        assertEquals(MessageStatus.PENDING, results.get(0).status(), "stored is accepted; the sweep queues it");
    }

    private static MessageService service(MessageAcceptance acceptance, OutboundQueue queue) {
        MessageService service = new MessageService();
        service.acceptance = acceptance;
        service.queue = queue;
        return service;
    }

    /** Fails with the given exceptions first, then accepts message 42. */
    private static final class ScriptedAcceptance extends MessageAcceptance {
        private final List<RuntimeException> failures;
        int calls;

        ScriptedAcceptance(RuntimeException... failures) {
            this.failures = new ArrayList<>(List.of(failures));
        }

        @Override
        public Accepted accept(String serial, List<String> recipients, String text, SendOptions options) {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            return new Accepted(List.of(RecipientResult.accepted(recipients.get(0), 42L, MessageStatus.PENDING)), List.of(42L));
        }
    }

    private static final class RecordingQueue extends OutboundQueue {
        private final RuntimeException failure;
        final List<List<Long>> sent = new ArrayList<>();

        RecordingQueue(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void enqueue(List<Long> messageIds) {
            if (failure != null) {
                throw failure;
            }
            sent.add(messageIds);
        }
    }
}

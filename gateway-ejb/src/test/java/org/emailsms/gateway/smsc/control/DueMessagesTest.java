package org.emailsms.gateway.smsc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the due-message sweep claims, against the migrated schema: queueing happens after the
 * commit, so a pending message past its re-queue deadline is the sweep's as much as a due retry.
 */
class DueMessagesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration REQUEUE_AFTER = Duration.ofMinutes(1);
    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void claimsWhatIsDueOnceAndLeavesTheRest() {
        User sender = newSender();
        long overduePending = store(sender, m -> m.queued(NOW.minusSeconds(1)));
        long pendingInTime = store(sender, m -> m.queued(NOW.plusSeconds(30)));
        long dueRetry = store(sender, m -> m.failedTemporarily("SMSC away", NOW.minusSeconds(5)));
        long laterRetry = store(sender, m -> m.failedTemporarily("SMSC away", NOW.plusSeconds(60)));
        long delivered = store(sender, m -> m.submitted(NOW.minusSeconds(60)));

        List<Long> claimed = claim(NOW);

        assertTrue(claimed.containsAll(List.of(overduePending, dueRetry)), "claimed " + claimed);
        assertTrue(claimed.stream().noneMatch(List.of(pendingInTime, laterRetry, delivered)::contains),
                "nothing that is in time or done: " + claimed);
        assertEquals(MessageStatus.PENDING, statusOf(dueRetry), "a claimed retry is pending again");
        assertEquals(NOW.plus(REQUEUE_AFTER), nextAttemptOf(overduePending), "a claim sets a new deadline");
        assertEquals(List.of(), claim(NOW), "a second sweep at the same time claims nothing again");
        assertTrue(claim(NOW.plus(REQUEUE_AFTER)).containsAll(List.of(overduePending, dueRetry, pendingInTime)),
                "still pending after the new deadline: claimed again");
    }

    /**
     * Retries are on no queue: all claimed in one sweep, however many (after an SMSC outage).
     * Overdue pending messages may still be on a slow queue: 500 per sweep.
     */
    @Test
    void claimsEveryDueRetryAtOnceButOverduePendingMessagesAFewAtATime() {
        User sender = newSender();
        List<Long> retries = storeMany(sender, 600, m -> m.failedTemporarily("SMSC away", NOW.minusSeconds(5)));
        List<Long> overdue = storeMany(sender, 600, m -> m.queued(NOW.minusSeconds(1)));

        List<Long> first = claim(NOW);

        assertTrue(first.containsAll(retries), "every due retry in one sweep");
        assertEquals(500, first.stream().filter(overdue::contains).count(), "500 overdue pending messages");
        List<Long> second = claim(NOW);
        assertEquals(100, second.size(), "the rest of them in the next sweep");
        assertTrue(overdue.containsAll(second));
    }

    @Test
    void claimsAScheduledMessageWhenItsTimeHasCome() {
        User sender = newSender();
        long scheduled = database.inTransaction(em -> {
            SmsMessage message = new SmsMessage(em.find(User.class, sender.getId()), "+61412345678", "+61491570156",
                    new byte[] {1}, 0, 1, false, Instant.now().plus(Duration.ofHours(1)));
            em.persist(message);
            return message.getId();
        });

        assertTrue(claim(Instant.now()).stream().noneMatch(id -> id == scheduled), "not before its time");
        assertTrue(claim(Instant.now().plus(Duration.ofHours(2))).contains(scheduled), "claimed once it is due");
        assertEquals(MessageStatus.PENDING, statusOf(scheduled));
    }

    private List<Long> claim(Instant now) {
        return database.inTransaction(em -> {
            DueMessages due = new DueMessages();
            due.em = em;
            due.retries = new RetryPolicy();
            due.retries.requeueAfter = REQUEUE_AFTER;
            return due.claim(now);
        });
    }

    private long store(User sender, Consumer<SmsMessage> state) {
        return database.inTransaction(em -> {
            SmsMessage message = new SmsMessage(em.find(User.class, sender.getId()), "+61412345678", "+61491570156",
                    new byte[] {1}, 0, 1, false, null);
            state.accept(message);
            em.persist(message);
            return message.getId();
        });
    }

    private List<Long> storeMany(User sender, int count, Consumer<SmsMessage> state) {
        return database.inTransaction(em -> {
            User user = em.find(User.class, sender.getId());
            List<SmsMessage> messages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SmsMessage message = new SmsMessage(user, "+61412345678", "+61491570156", new byte[] {1}, 0, 1, false,
                        null);
                state.accept(message);
                em.persist(message);
                messages.add(message);
            }
            em.flush();
            return messages.stream().map(SmsMessage::getId).toList();
        });
    }

    private MessageStatus statusOf(long id) {
        return database.inTransaction(em -> {
            return em.find(SmsMessage.class, id).getStatus();
        });
    }

    private Instant nextAttemptOf(long id) {
        return database.inTransaction(em -> {
            return em.find(SmsMessage.class, id).getNextAttemptAt().toInstant();
        });
    }

    private User newSender() {
        return database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User user = User.companyUser(company, null, "u-" + UUID.randomUUID(), "u@example.test", Role.SENDER, "hash");
            em.persist(user);
            return user;
        });
    }
}

package org.emailsms.gateway.smsc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.mail.entity.OutgoingMail;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.emailsms.gateway.smsc.control.DeliveryStatistics;
import org.emailsms.gateway.smsc.control.RetryPolicy;
import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.smsc.control.SubmitFailedException;
import org.emailsms.gateway.smsc.control.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A delivery that throws (a fault on the gateway's side) is counted like a temporary failure:
 * {@code FAIL} with a retry time, and after the last attempt {@code ABORT} with the error email,
 * instead of being queued again for ever.
 */
class DeliveryServiceTest {

    private static final ContentCipher CIPHER = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    private static final Duration INTERVAL = Duration.ofMinutes(2);
    private static final RetryPolicy RETRIES = new RetryPolicy() {
        @Override
        public int maxAttempts() {
            return 2;
        }

        @Override
        public Duration interval() {
            return INTERVAL;
        }

        @Override
        public Duration maxAge() {
            return Duration.ofHours(24);
        }

        @Override
        public Duration throttledInterval() {
            return Duration.ofSeconds(5);
        }
    };
    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void anAttemptThatThrewIsCountedAndTheLastEndsInAbortWithTheErrorEmail() {
        String sender = "u-" + UUID.randomUUID() + "@example.test";
        long id = pendingMessage(sender);
        Instant before = Instant.now();

        failedUnexpectedly(id, "NullPointerException in the encoder");
        SmsMessage failed = message(id);
        assertEquals(MessageStatus.FAIL, failed.getStatus());
        assertEquals(1, failed.getAttempts());
        assertTrue(failed.getLastError().contains("NullPointerException in the encoder"), failed.getLastError());
        assertFalse(failed.getNextAttemptAt().toInstant().isBefore(before.plus(INTERVAL)), "retried per policy");

        failedUnexpectedly(id, "again");
        assertEquals(1, message(id).getAttempts(), "only a PENDING message is counted: this one is not queued now");

        backToPending(id);
        failedUnexpectedly(id, "and again");
        SmsMessage aborted = message(id);
        assertEquals(MessageStatus.ABORT, aborted.getStatus());
        assertEquals(2, aborted.getAttempts());
        assertNull(aborted.getNextAttemptAt());
        List<OutgoingMail> emails = database.inTransaction(em -> {
            return em.createQuery("SELECT m FROM OutgoingMail m WHERE m.recipient = :to", OutgoingMail.class)
                    .setParameter("to", sender).getResultList();
        });
        assertEquals(1, emails.size(), "one error email to the sender");
        assertTrue(emails.get(0).getSubject().contains("could not be delivered"), emails.get(0).getSubject());
    }

    /**
     * The due-message sweep may queue a message that is already being delivered (its re-queue
     * deadline passed): the second delivery waits for the first's row lock, then finds it
     * {@code OK} and submits nothing.
     */
    @Test
    void aMessageQueuedTwiceIsSubmittedOnce() throws Exception {
        long id = pendingMessage("u-" + UUID.randomUUID() + "@example.test");
        CountDownLatch firstSubmitting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger submits = new AtomicInteger();
        SmppConnector slowSmsc = new SmppConnector() {
            @Override
            public String submit(Submission part) {
                submits.incrementAndGet();
                firstSubmitting.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "smsc-" + submits.get();
            }
        };
        ExecutorService deliveries = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = deliveries.submit(() -> deliver(id, slowSmsc));
            assertTrue(firstSubmitting.await(10, TimeUnit.SECONDS), "first delivery submitting");
            AtomicReference<Thread> second = new AtomicReference<>();
            Future<?> again = deliveries.submit(() -> {
                second.set(Thread.currentThread());
                deliver(id, slowSmsc);
            });
            awaitWaiting(second);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            again.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            deliveries.shutdownNow();
        }
        assertEquals(1, submits.get(), "submitted once");
        SmsMessage delivered = message(id);
        assertEquals(MessageStatus.OK, delivered.getStatus());
        assertEquals(1, delivered.getAttempts());
    }

    /** Throttling slows the bind, not the message's budget: the attempt does not count, and it goes again soon. */
    @Test
    void aThrottledSubmitUsesUpNoAttemptAndGoesAgainSoon() {
        long id = pendingMessage("u-" + UUID.randomUUID() + "@example.test");
        Instant before = Instant.now();

        deliver(id, refusing(SubmitFailedException.throttled("SMSC asked to slow down: 0x58 ESME_RTHROTTLED throttled", null)));

        SmsMessage throttled = message(id);
        assertEquals(MessageStatus.FAIL, throttled.getStatus());
        assertEquals(0, throttled.getAttempts(), "not counted");
        assertTrue(throttled.getNextAttemptAt().toInstant().isBefore(before.plus(INTERVAL)), "sooner than a retry");
        backToPending(id);
        deliver(id, refusing(new SubmitFailedException("No acknowledgement", false, null)));
        assertEquals(1, message(id).getAttempts(), "an ordinary failure counts");
    }

    /** A message due longer ago than the maximum age is given up, not sent late. */
    @Test
    void aMessageDueLongerAgoThanTheMaximumAgeIsAbortedUnsent() {
        String sender = "u-" + UUID.randomUUID() + "@example.test";
        long id = pendingMessage(sender);
        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE sms_message SET created_at = ?1 WHERE id = ?2")
                    .setParameter(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(25))
                    .setParameter(2, id).executeUpdate();
        });
        AtomicInteger submits = new AtomicInteger();

        deliver(id, new SmppConnector() {
            @Override
            public String submit(Submission part) {
                submits.incrementAndGet();
                return "never";
            }
        });

        assertEquals(0, submits.get());
        SmsMessage aborted = message(id);
        assertEquals(MessageStatus.ABORT, aborted.getStatus());
        assertTrue(aborted.getLastError().contains("24 hours"), aborted.getLastError());
    }

    private static SmppConnector refusing(SubmitFailedException failure) {
        return new SmppConnector() {
            @Override
            public String submit(Submission part) throws SubmitFailedException {
                throw failure;
            }
        };
    }

    private void deliver(long id, SmppConnector smsc) {
        database.inTransaction(em -> {
            DeliveryService service = service(em);
            service.connector = smsc;
            service.deliver(id);
        });
    }

    /**
     * Polls, with a deadline, until the thread in {@code holder} has started and is blocked: a
     * thread's state is all there is to observe of a wait inside the database.
     */
    private static void awaitWaiting(AtomicReference<Thread> holder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (holder.get() == null || holder.get().getState() == Thread.State.RUNNABLE) {
            assertTrue(System.nanoTime() < deadline, "second delivery never waited for the row lock");
            Thread.sleep(5);
        }
    }

    private void failedUnexpectedly(long id, String reason) {
        database.inTransaction(em -> {
            service(em).failedUnexpectedly(id, reason);
        });
    }

    private static DeliveryService service(EntityManager em) {
        DeliveryService service = new DeliveryService();
        service.em = em;
        service.cipher = CIPHER;
        service.retries = RETRIES;
        service.outbox = MailOutbox.on(em, CIPHER);
        service.statistics = new DeliveryStatistics();
        return service;
    }

    private long pendingMessage(String email) {
        return database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User user = User.companyUser(company, null, "u-" + UUID.randomUUID(), email, Role.SENDER, "h");
            em.persist(user);
            SmsMessage message = new SmsMessage(user, "+61412345678", "+61491570156", CIPHER.encrypt("Hello"), 0, 1,
                    false, null);
            em.persist(message);
            return message.getId();
        });
    }

    /** As the due-message sweep leaves a message it queues again. */
    private void backToPending(long id) {
        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE sms_message SET status = 'PENDING' WHERE id = ?1").setParameter(1, id)
                    .executeUpdate();
        });
    }

    private SmsMessage message(long id) {
        return database.inTransaction(em -> {
            return em.find(SmsMessage.class, id);
        });
    }
}

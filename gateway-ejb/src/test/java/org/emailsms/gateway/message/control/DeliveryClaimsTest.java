package org.emailsms.gateway.message.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.mail.entity.OutgoingMail;
import org.emailsms.gateway.message.MessageRows;
import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.boundary.DeliveryOutcome;
import org.emailsms.gateway.message.boundary.DeliveryOutcome.Kind;
import org.emailsms.gateway.message.entity.MessagePart;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.emailsms.gateway.message.control.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Claims and outcomes of the delivery pipeline, on the real schema: what is due is claimed once,
 * interactive messages first; a claim is respected until it runs out and then taken over; outcomes
 * are written only by the claim's holder, and they follow the retry rule (a failed deposit is
 * retried up to 10 times, 2 minutes apart; throttling uses up no attempt; ABORT mails the sender).
 */
class DeliveryClaimsTest {

    private static final ContentCipher CIPHER = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final RetryPolicy RETRIES = new RetryPolicy() {
        @Override
        public int maxAttempts() {
            return 2;
        }

        @Override
        public Duration interval() {
            return Duration.ofMinutes(2);
        }

        @Override
        public Duration throttledInterval() {
            return Duration.ofSeconds(5);
        }
    };
    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void claimsWhatIsDueOnceAndLeavesTheRest() {
        User sender = newSender("a@example.test");
        Instant now = Instant.now();
        long pending = store(sender, m -> { });
        long dueRetry = store(sender, m -> { });
        long laterRetry = store(sender, m -> { });
        long delivered = store(sender, m -> { });
        database.inTransaction(em -> {
            MessageRows.failed(em, dueRetry, "SMSC away", now.minusSeconds(5));
            MessageRows.failed(em, laterRetry, "SMSC away", now.plus(Duration.ofMinutes(5)));
            MessageRows.submitted(em, delivered, now.minusSeconds(60), "SMSC-1");
        });
        long scheduledLater = store(sender, now.plus(Duration.ofHours(1)), m -> { });

        List<Long> claimed = ids(claim("node-a", 100, now));

        assertEquals(Set.of(pending, dueRetry), Set.copyOf(claimed), "nothing that is not due or is done");
        assertEquals(MessageStatus.PENDING, message(dueRetry).getStatus(), "a claimed retry is pending again");
        assertEquals(List.of(), claim("node-b", 100, now), "held by node-a: another node claims nothing");
        assertEquals(List.of(), claim("node-a", 100, now), "nor does node-a twice");
        assertEquals(Set.of(pending, dueRetry), Set.copyOf(ids(claim("node-b", 100, now.plus(LEASE).plusSeconds(1)))),
                "once node-a's claims have run out (it died), node-b takes them over");
        assertTrue(ids(claim("node-c", 100, now.plus(Duration.ofHours(2)))).containsAll(List.of(laterRetry, scheduledLater)),
                "a retry and a schedule once their time has come");
        assertTrue(claimed.stream().noneMatch(id -> id == delivered));
    }

    @Test
    void interactiveMessagesAreClaimedAheadOfBulkInBatchesOfTheAskedSize() {
        User sender = newSender("a@example.test");
        List<Long> bulk = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bulk.add(store(sender, m -> { }));
        }
        long interactive = store(sender, SmsMessage::interactive);

        List<Delivery> first = claim("node-a", 10, Instant.now());

        assertEquals(10, first.size());
        assertEquals(interactive, first.get(0).messageId(), "the newest, interactive, before older bulk");
        assertEquals(bulk.subList(0, 9), ids(first).subList(1, 10), "then bulk, oldest first");
        assertEquals(1, first.get(0).parts().size());
        assertEquals("Hello", CIPHER.tryDecrypt(first.get(0).content()).orElseThrow());
    }

    /** Two nodes claiming the same backlog at the same time: every message goes to exactly one. */
    @Test
    void concurrentClaimantsNeverShareAMessage() throws Exception {
        User sender = newSender("a@example.test");
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            all.add(store(sender, m -> { }));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                String claimant = "node-" + node;
                Callable<List<Long>> claimAll = () -> {
                    List<Long> mine = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        mine.addAll(ids(claim(claimant, 7, Instant.now())));
                    }
                    return mine;
                };
                claims.add(nodes.submit(claimAll));
            }
            List<Long> claimed = new ArrayList<>();
            for (Future<List<Long>> claim : claims) {
                claimed.addAll(claim.get());
            }
            assertEquals(all.size(), claimed.size(), "no message claimed twice");
            assertEquals(all, Set.copyOf(claimed), "every message claimed");
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void anAcknowledgedAttemptIsOkWithItsPartsAndClearsTheLastError() {
        User sender = newSender("a@example.test");
        long id = store(sender, m -> { });
        Delivery first = claim("node-a", 1, Instant.now()).get(0);
        write(DeliveryOutcome.failed(first, List.of(), "No acknowledgement", Kind.TEMPORARY));
        SmsMessage failed = message(id);
        assertEquals(MessageStatus.FAIL, failed.getStatus());
        assertEquals(1, failed.getAttempts());

        Delivery second = claim("node-a", 1, failed.getNextAttemptAt().toInstant()).get(0);
        Instant at = Instant.now();
        assertEquals(List.of(MessageStatus.OK), write(DeliveryOutcome.submitted(second,
                List.of(new DeliveryOutcome.Acknowledged(second.parts().get(0).id(), "default", "ab12", "ab12", at)))));

        SmsMessage ok = message(id);
        assertEquals(MessageStatus.OK, ok.getStatus());
        assertEquals(2, ok.getAttempts());
        assertNull(ok.getLastError(), "an OK message shows no old error");
        assertNull(ok.getNextAttemptAt());
        MessagePart part = ok.getParts().get(0);
        assertTrue(part.isAcknowledged());
        assertEquals("ab12", part.getSmscMessageId());
        assertEquals(List.of(), claim("node-a", 1, Instant.now().plus(Duration.ofDays(1))), "never claimed again");
    }

    /** The carriers chosen at acceptance come with the claim; the carrier that took a part stays with it. */
    @Test
    void aClaimCarriesTheRouteAndAnAcknowledgedPartKeepsItsCarrier() {
        User sender = newSender("route@example.test");
        long id = store(sender, m -> m.routeThrough(List.of("nz", "default")));
        Delivery claimed = claim("node-a", 1, Instant.now()).get(0);
        assertEquals(List.of("nz", "default"), claimed.route());

        write(DeliveryOutcome.submitted(claimed, List.of(new DeliveryOutcome.Acknowledged(claimed.parts().get(0).id(),
                "nz", "00A1F", "nz/a1f", Instant.now()))));

        Object[] part = database.inTransaction((EntityManager em) -> (Object[]) em.createNativeQuery(
                "SELECT carrier, smsc_id_key FROM sms_part WHERE message_id = ?1").setParameter(1, id).getSingleResult());
        assertEquals("nz", part[0]);
        assertEquals("nz/a1f", part[1]);
    }

    @Test
    void throttlingUsesUpNoAttemptAndTheLastAttemptEndsInAbortWithTheErrorEmail() {
        User sender = newSender("s@example.test");
        long id = store(sender, m -> { });
        Instant before = Instant.now();

        write(DeliveryOutcome.failed(claim("n", 1, Instant.now()).get(0), List.of(), "ESME_RTHROTTLED", Kind.THROTTLED));
        SmsMessage throttled = message(id);
        assertEquals(MessageStatus.FAIL, throttled.getStatus());
        assertEquals(0, throttled.getAttempts(), "not counted");
        assertTrue(throttled.getNextAttemptAt().toInstant().isBefore(before.plus(Duration.ofMinutes(1))), "goes again soon");

        write(DeliveryOutcome.failed(claim("n", 1, Instant.now().plusSeconds(10)).get(0), List.of(), "one", Kind.TEMPORARY));
        assertEquals(List.of(MessageStatus.ABORT), write(DeliveryOutcome.failed(
                claim("n", 1, Instant.now().plus(Duration.ofMinutes(3))).get(0), List.of(), "two", Kind.TEMPORARY)));

        SmsMessage aborted = message(id);
        assertEquals(MessageStatus.ABORT, aborted.getStatus());
        assertEquals(2, aborted.getAttempts());
        assertEquals("Gave up after 2 attempts; last: two", aborted.getLastError());
        List<OutgoingMail> emails = database.inTransaction(em -> {
            return em.createQuery("SELECT m FROM OutgoingMail m WHERE m.recipient = :to", OutgoingMail.class)
                    .setParameter("to", "s@example.test").getResultList();
        });
        assertEquals(1, emails.size(), "one error email to the sender");
        assertTrue(emails.get(0).getSubject().contains("could not be delivered"), emails.get(0).getSubject());
    }

    /** A node whose claim ran out and was taken over records nothing: the new holder's attempt counts. */
    @Test
    void anOutcomeFromANodeThatLostItsClaimChangesNothing() {
        User sender = newSender("a@example.test");
        long id = store(sender, m -> { });
        Delivery stale = claim("node-a", 1, Instant.now()).get(0);
        claim("node-b", 1, Instant.now().plus(LEASE).plusSeconds(1));

        List<MessageStatus> written = write(DeliveryOutcome.submitted(stale,
                List.of(new DeliveryOutcome.Acknowledged(stale.parts().get(0).id(), "default", "late", "late", Instant.now()))));

        assertEquals(1, written.size());
        assertNull(written.get(0), "not recorded");
        SmsMessage message = message(id);
        assertEquals(MessageStatus.PENDING, message.getStatus());
        assertEquals(0, message.getAttempts());
        assertTrue(!message.getParts().get(0).isAcknowledged());
    }

    @Test
    void aStoppingNodeGivesItsClaimsBack() {
        User sender = newSender("a@example.test");
        long id = store(sender, m -> { });
        claim("node-a", 1, Instant.now());

        assertEquals(1, (int) database.inTransaction(em -> {
            return DeliveryClaims.on(em).release("node-a");
        }));

        assertEquals(List.of(id), ids(claim("node-b", 1, Instant.now())), "at once, not when the lease runs out");
    }

    /**
     * A message held from its insert by the node that accepted it stays that node's while the node
     * beats, is taken over once its lease has lapsed, and is given back once the node is forgotten.
     */
    @Test
    void whatANodeHoldsFromTheInsertIsItsOwnUntilItsLeaseLapses() {
        User sender = newSender("a@example.test");
        Instant start = Instant.now();
        beat("node-a", start);
        long held = store(sender, m -> m.heldBy("node-a"));
        long unknown = store(sender, m -> m.heldBy("node-new"));

        assertEquals(List.of(), claim("node-b", 10, start.plus(LEASE).minusSeconds(1)),
                "node-a beats within its lease; a holder with no heartbeat yet is a node just starting");
        beat("node-a", start.plus(LEASE));
        assertEquals(List.of(), claim("node-b", 10, start.plus(LEASE).plusSeconds(10)), "a heartbeat extends the lease");
        assertEquals(List.of(held), ids(claim("node-b", 10, start.plus(LEASE.multipliedBy(2)).plusSeconds(1))),
                "node-a not heard from for a lease: its message is taken over");

        beat("node-new", start.minus(Duration.ofDays(2)));
        beat("node-c", start);
        assertEquals(List.of(unknown), ids(claim("node-b", 10, start.plusSeconds(1))),
                "a node forgotten after a day gave back what it held when the next node started");
    }

    private void beat(String claimant, Instant at) {
        database.inTransaction(em -> {
            DeliveryClaims.on(em).beat(claimant, at);
            return null;
        });
    }

    private List<Delivery> claim(String claimant, int max, Instant now) {
        return database.inTransaction(em -> {
            return DeliveryClaims.on(em).claim(claimant, max, now, LEASE);
        });
    }

    private List<MessageStatus> write(DeliveryOutcome outcome) {
        return database.inTransaction(em -> {
            return DeliveryRecords.on(em, RETRIES, CIPHER).write(List.of(outcome));
        });
    }

    private static List<Long> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::messageId).toList();
    }

    private User newSender(String email) {
        return database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User user = User.companyUser(company, null, "u-" + UUID.randomUUID(), email, Role.SENDER, "h");
            em.persist(user);
            return user;
        });
    }

    private long store(User sender, Consumer<SmsMessage> state) {
        return store(sender, null, state);
    }

    private long store(User sender, Instant sendAt, Consumer<SmsMessage> state) {
        return database.inTransaction(em -> {
            SmsMessage message = new SmsMessage(em.find(User.class, sender.getId()), "+61412345678", "+61491570156",
                    CIPHER.encrypt("Hello"), 0, 1, false, sendAt);
            state.accept(message);
            em.persist(message);
            return message.getId();
        });
    }

    private SmsMessage message(long id) {
        return database.inTransaction(em -> {
            SmsMessage message = em.find(SmsMessage.class, id);
            message.getParts().forEach(MessagePart::getSmscMessageId);
            return message;
        });
    }
}

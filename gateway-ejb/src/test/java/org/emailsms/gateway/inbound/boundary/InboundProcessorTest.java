package org.emailsms.gateway.inbound.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.inbound.boundary.InboundProcessor.Outcome;
import org.emailsms.gateway.inbound.control.InboundPdu;
import org.emailsms.gateway.inbound.control.InboundRetries;
import org.emailsms.gateway.inbound.control.InboundStatistics;
import org.emailsms.gateway.inbound.control.ReceivedPdus;
import org.emailsms.gateway.inbound.entity.ReceivedPdu;
import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.message.boundary.Receipts;
import org.emailsms.gateway.message.MessageRows;
import org.emailsms.gateway.message.entity.DeliveryState;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stored deliver_sm PDUs against the migrated schema: stored encrypted, processed once and then
 * gone, a receipt ahead of its acknowledgement kept for a later attempt with a growing pause and
 * given up after the last, and the sweep claiming only what is due.
 */
class InboundProcessorTest {

    private static final String OPERATOR = "operator";
    private static final ContentCipher CIPHER = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    private static final Duration REQUEUE_AFTER = Duration.ofMinutes(1);
    private static final int MAX_ATTEMPTS = 6;
    private static final InboundRetries RETRIES = InboundRetries.of(MAX_ATTEMPTS, REQUEUE_AFTER);
    private static final String HANDSET = "+61412345678";
    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void aReceiptForAnAcknowledgedPartIsRecordedAndTheStoredPduDeleted() {
        long message = acknowledgedMessage("5f3a");
        long stored = store(receipt("5f3a"));

        assertEquals(Outcome.RECEIPT, handle(stored));

        database.inTransaction(em -> {
            assertNull(em.find(ReceivedPdu.class, stored), "processed once, then gone");
            SmsMessage sms = em.find(SmsMessage.class, message);
            assertEquals(MessageStatus.DELIVERED, sms.getStatus());
            assertEquals(DeliveryState.DELIVERED, sms.getParts().get(0).getDeliveryState());
        });
        assertEquals(Outcome.GONE, handle(stored), "a second prompt for it finds nothing to do");
    }

    /**
     * As the inbound journal writes a batch: a receipt whose part is known is recorded in the
     * journal's own transaction and never stored; one ahead of its acknowledgement and a reply are
     * stored for processing.
     */
    @Test
    void aReceiptWhosePartIsKnownIsRecordedAtOnceAndTheRestStored() {
        long message = acknowledgedMessage("7a01");
        InboundStatistics statistics = new InboundStatistics();

        List<Long> ids = database.inTransaction(em -> {
            ReceiptService receipts = receipts(em);
            receipts.statistics = statistics;
            return rows(em).recordOrStore(List.of(receipt("7a01"), receipt("ahead"), reply("Yes")),
                    receipts::recordAll);
        });

        assertNull(ids.get(0), "recorded at once");
        assertNotNull(ids.get(1), "ahead of its acknowledgement: stored");
        assertNotNull(ids.get(2), "a reply: stored");
        database.inTransaction(em -> {
            assertEquals(MessageStatus.DELIVERED, em.find(SmsMessage.class, message).getStatus());
            assertEquals(2L, em.createQuery("SELECT COUNT(p) FROM ReceivedPdu p", Long.class).getSingleResult());
        });
        assertEquals(Map.of("default", new InboundStatistics.ReceiptTally(1, 1)),
                statistics.receiptsInHourTo(Instant.now()), "the matched receipt counts for its carrier's share");
    }

    @Test
    void aReceiptAheadOfItsAcknowledgementWaitsLongerEachTimeThenIsGivenUp() {
        long stored = store(receipt("beef"));
        Instant before = Instant.now();

        assertEquals(Outcome.WAITING, handle(stored));
        ReceivedPdu waiting = row(stored);
        assertEquals(1, waiting.getAttempts());
        assertBetween(before.plusSeconds(1), Instant.now().plusSeconds(1), waiting.getNextAttemptAt());
        assertEquals(Outcome.WAITING, handle(stored));
        assertBetween(before.plusSeconds(2), Instant.now().plusSeconds(2), row(stored).getNextAttemptAt());

        for (int attempt = 3; attempt < MAX_ATTEMPTS; attempt++) {
            assertEquals(Outcome.WAITING, handle(stored));
            assertNotNull(row(stored).getNextAttemptAt(), "attempt " + attempt + " is not the last");
        }
        assertEquals(Outcome.WAITING, handle(stored));
        ReceivedPdu givenUp = row(stored);
        assertNull(givenUp.getNextAttemptAt(), "no attempt after the last");
        assertEquals(MAX_ATTEMPTS, givenUp.getAttempts());
        assertTrue(givenUp.getLastError().startsWith("given up after"), givenUp.getLastError());
    }

    @Test
    void givenUpPdusAreListedForTheOperatorsAndTriedAgainWhenTheyAsk() throws Exception {
        long waiting = store(receipt("f00d"));
        long givenUp = store(receipt("dead"));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            handle(givenUp);
        }
        handle(waiting);

        List<InboundBacklog.GivenUpPdu> listed = latestGivenUp();
        assertEquals(List.of(givenUp), listed.stream().map(InboundBacklog.GivenUpPdu::id).toList(),
                "only the one given up");
        InboundBacklog.GivenUpPdu pdu = listed.get(0);
        assertTrue(pdu.receipt());
        assertEquals("dead", pdu.smscId());
        assertEquals(MAX_ATTEMPTS, pdu.attempts());
        assertTrue(pdu.lastError().startsWith("given up after " + MAX_ATTEMPTS + " attempts"), pdu.lastError());

        List<InboundBacklog.GivenUpPdu> underAnotherKey = database.attempt(em -> {
            InboundBacklog otherNode = backlog(em);
            byte[] otherKey = new byte[32];
            Arrays.fill(otherKey, (byte) 7);
            otherNode.cipher = ContentCipher.withKey(Base64.getEncoder().encodeToString(otherKey));
            return otherNode.latestGivenUp(OPERATOR, 10);
        });
        assertEquals("dead", underAnotherKey.get(0).smscId(), "listed even when its text cannot be read here");

        assertThrows(NotAuthorizedException.class,
                () -> database.attempt(em -> backlog(em).retryGivenUp("a company administrator")), "the operators' only");
        assertEquals(1, (int) database.attempt(em -> {
            return backlog(em).retryGivenUp(OPERATOR);
        }));
        assertEquals(List.of(), latestGivenUp(), "none given up now");
        assertEquals(0, row(givenUp).getAttempts(), "every attempt again");
        assertEquals(List.of(givenUp), claim(Instant.now().plusMillis(1)), "due at once: the next sweep takes it");
    }

    @Test
    void storedEncryptedAndClaimedBySweepOnlyWhenDue() {
        List<Long> ids = database.inTransaction(em -> {
            return rows(em).store(List.of(reply("Call me back about the invoice"), receipt("c0de")));
        });
        assertEquals(2, ids.size());
        byte[] sealed = row(ids.get(0)).getSealedShortMessage();
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("invoice"), "not stored in clear");
        assertEquals("Call me back about the invoice",
                new String(CIPHER.decryptBytes(sealed), StandardCharsets.ISO_8859_1));

        Instant now = Instant.now();
        assertEquals(List.of(), claim(now), "in time: its prompt is on the way");
        Instant late = now.plus(REQUEUE_AFTER).plusSeconds(1);
        assertEquals(ids, claim(late), "the prompt is overdue: the sweep takes them");
        assertEquals(List.of(), claim(late), "claimed once");
    }

    private Outcome handle(long id) {
        return database.inTransaction(em -> {
            InboundProcessor processor = new InboundProcessor();
            processor.em = em;
            processor.cipher = CIPHER;
            processor.statistics = new InboundStatistics();
            processor.retries = RETRIES;
            processor.receipts = receipts(em);
            return processor.handle(id);
        });
    }

    private static ReceiptService receipts(EntityManager em) {
        ReceiptService receipts = new ReceiptService();
        receipts.receipts = Receipts.on(em, MailOutbox.on(em, CIPHER));
        receipts.statistics = new InboundStatistics();
        return receipts;
    }

    private long store(InboundPdu pdu) {
        return database.inTransaction(em -> {
            return rows(em).store(List.of(pdu)).get(0);
        });
    }

    private List<Long> claim(Instant now) {
        return database.inTransaction(em -> {
            return rows(em).claimDue(now);
        });
    }

    private static ReceivedPdus rows(EntityManager em) {
        return ReceivedPdus.on(em, CIPHER, RETRIES);
    }

    private List<InboundBacklog.GivenUpPdu> latestGivenUp() throws Exception {
        return database.attempt(em -> {
            return backlog(em).latestGivenUp(OPERATOR, 10);
        });
    }

    private static InboundBacklog backlog(EntityManager em) {
        InboundBacklog backlog = new InboundBacklog();
        backlog.em = em;
        backlog.cipher = CIPHER;
        backlog.providerRole = actor -> {
            if (!OPERATOR.equals(actor)) {
                throw new NotAuthorizedException("not the operator");
            }
        };
        return backlog;
    }

    private ReceivedPdu row(long id) {
        return database.inTransaction(em -> {
            return em.find(ReceivedPdu.class, id);
        });
    }

    private long acknowledgedMessage(String smscId) {
        return database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User sender = User.companyUser(company, null, "u-" + UUID.randomUUID(), "u@example.test", Role.SENDER, "h");
            em.persist(sender);
            SmsMessage message = new SmsMessage(sender, HANDSET, "+61491570156", CIPHER.encrypt("Hello"), 0, 1, false,
                    null);
            em.persist(message);
            MessageRows.submitted(em, message.getId(), Instant.now(), smscId);
            return message.getId();
        });
    }

    private static InboundPdu receipt(String smscId) {
        String text = "id:" + smscId + " sub:001 dlvrd:001 submit date:2611271000 done date:2611271001 stat:DELIVRD err:000";
        return new InboundPdu(true, HANDSET.substring(1), "61491570156", 0x04, 0,
                text.getBytes(StandardCharsets.ISO_8859_1), smscId, 2, null, null, null, "default");
    }

    private static InboundPdu reply(String text) {
        return new InboundPdu(false, HANDSET.substring(1), "61491570156", 0, 0,
                text.getBytes(StandardCharsets.ISO_8859_1), null, null, null, null, null, "default");
    }

    private static void assertBetween(Instant from, Instant to, OffsetDateTime actual) {
        assertTrue(!actual.toInstant().isBefore(from.minusMillis(1)) && !actual.toInstant().isAfter(to.plusMillis(1)),
                actual + " between " + from + " and " + to);
    }
}

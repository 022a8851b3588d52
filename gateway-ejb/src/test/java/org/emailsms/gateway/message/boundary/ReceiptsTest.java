package org.emailsms.gateway.message.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.mail.entity.OutgoingMail;
import org.emailsms.gateway.message.MessageRows;
import org.emailsms.gateway.message.entity.DeliveryState;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.emailsms.gateway.message.boundary.SmscMessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Receipts recorded in batches against the migrated schema: the part a receipt names, the
 * message's status rolled up once all its parts are reported, the confirmation email sent once.
 */
class ReceiptsTest {

    private static final ContentCipher CIPHER = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    private static final String HANDSET = "+61412345678";
    private static final String OTHER_HANDSET = "+61412999999";

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void aMessageTakesTheWorstOfItsPartsOnceAllAreReported() {
        long message = acknowledgedMessage(HANDSET, false, "a1", "a2", "a3");

        assertEquals(List.of(true, true), record(receipt("a1", HANDSET, DeliveryState.DELIVERED),
                receipt("a2", HANDSET, DeliveryState.EXPIRED)));
        assertEquals(MessageStatus.OK, status(message), "a part still unreported");

        assertEquals(List.of(true), record(receipt("a3", HANDSET, DeliveryState.DELIVERED)));
        assertEquals(MessageStatus.EXPIRED, status(message));

        assertEquals(List.of(true), record(receipt("a1", HANDSET, DeliveryState.UNDELIVERED)));
        assertEquals(MessageStatus.UNDELIVERED, status(message), "an undelivered part outweighs an expired one");
        database.inTransaction(em -> {
            assertEquals(List.of(DeliveryState.UNDELIVERED, DeliveryState.EXPIRED, DeliveryState.DELIVERED),
                    em.find(SmsMessage.class, message).getParts().stream().map(p -> p.getDeliveryState()).toList());
        });
    }

    @Test
    void aReceiptWithoutAnAcknowledgedPartChangesNothing() {
        long message = acknowledgedMessage(HANDSET, false, "b1");

        assertEquals(List.of(false, true, false), record(receipt("unknown", HANDSET, DeliveryState.DELIVERED),
                receipt("b1", HANDSET, DeliveryState.DELIVERED), receipt("b1", OTHER_HANDSET, DeliveryState.DELIVERED)));
        assertEquals(MessageStatus.DELIVERED, status(message));
    }

    /** SMSCs reuse ids in time: of the parts under one id, the receipt means the newest sent to its handset. */
    @Test
    void aReusedIdMeansTheNewestPartSentToTheReceiptsHandset() {
        long older = acknowledgedMessage(HANDSET, false, "c1");
        long toAnother = acknowledgedMessage(OTHER_HANDSET, false, "c1");
        long newer = acknowledgedMessage(HANDSET, false, "c1");

        assertEquals(List.of(true), record(receipt("c1", HANDSET, DeliveryState.DELIVERED)));

        assertEquals(MessageStatus.OK, status(older));
        assertEquals(MessageStatus.OK, status(toAnother));
        assertEquals(MessageStatus.DELIVERED, status(newer));
    }

    @Test
    void theConfirmationASenderAskedForIsMailedOnceWhenTheFinalStateIsFirstKnown() {
        long asked = acknowledgedMessage(HANDSET, true, "d1", "d2");
        acknowledgedMessage(HANDSET, false, "d3");

        record(receipt("d1", HANDSET, DeliveryState.DELIVERED), receipt("d3", HANDSET, DeliveryState.DELIVERED));
        assertEquals(List.of(), mails(), "not before every part is reported; not for a sender who did not ask");
        record(receipt("d2", HANDSET, DeliveryState.DELIVERED));
        record(receipt("d2", HANDSET, DeliveryState.DELIVERED));

        assertEquals(List.of("SMS to " + HANDSET + ": delivered"), mails(), "once, though the SMSC said it twice");
        assertEquals(MessageStatus.DELIVERED, status(asked));
    }

    private List<Boolean> record(Receipt... receipts) {
        return database.inTransaction(em -> {
            return Receipts.on(em, MailOutbox.on(em, CIPHER)).record(List.of(receipts));
        });
    }

    private MessageStatus status(long message) {
        return database.inTransaction(em -> {
            return em.find(SmsMessage.class, message).getStatus();
        });
    }

    private List<String> mails() {
        return database.inTransaction(em -> {
            return em.createQuery("SELECT m FROM OutgoingMail m ORDER BY m.id", OutgoingMail.class).getResultList()
                    .stream().map(OutgoingMail::getSubject).toList();
        });
    }

    private long acknowledgedMessage(String destination, boolean confirmationWanted, String... smscIds) {
        return database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            company.changeMessageSettings(true, 10, true);
            em.persist(company);
            User sender = User.companyUser(company, null, "u-" + UUID.randomUUID(), "u@example.test", Role.SENDER, "h");
            em.persist(sender);
            SmsMessage message = new SmsMessage(sender, destination, "+61491570156", CIPHER.encrypt("Hello"), 0,
                    smscIds.length, confirmationWanted, null);
            em.persist(message);
            MessageRows.submitted(em, message.getId(), Instant.now(), smscIds);
            return message.getId();
        });
    }

    private static Receipt receipt(String smscId, String handset, DeliveryState state) {
        return new Receipt(SmscMessageIds.candidateKeys(smscId), handset.substring(1), state,
                OffsetDateTime.now(ZoneOffset.UTC));
    }
}

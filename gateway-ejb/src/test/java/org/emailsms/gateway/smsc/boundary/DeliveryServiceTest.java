package org.emailsms.gateway.smsc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

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
import org.emailsms.gateway.smsc.control.PromptedMessages;
import org.emailsms.gateway.smsc.control.RetryPolicy;
import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.smsc.control.Submission;
import org.emailsms.gateway.smsc.control.SubmitFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message whose stored text no key can read any more (the content key was changed) must not stay
 * PENDING: the sweep would queue it again every minute for ever. It is given up at once, and the
 * sender's error email says why without the text. Messages prompted together are delivered in one
 * batch, which stops at the first temporary failure and leaves the rest waiting for the next.
 */
class DeliveryServiceTest {

    private static final ContentCipher OLD_KEY = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    private static final ContentCipher NEW_KEY = ContentCipher.withKey(Base64.getEncoder().encodeToString(filled(7)));
    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void abortsAMessageItCannotDecryptAndTellsTheSender() {
        long id = database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User sender = User.companyUser(company, null, "u-" + UUID.randomUUID(), "sender@example.test",
                    Role.SENDER, "hash");
            em.persist(sender);
            SmsMessage message = new SmsMessage(sender, "+61412345678", "+61491570156",
                    OLD_KEY.encrypt("Written under the old key"), 0, 1, false, null);
            em.persist(message);
            return message.getId();
        });

        database.inTransaction(em -> {
            DeliveryService delivery = new DeliveryService();
            delivery.em = em;
            delivery.cipher = NEW_KEY;
            delivery.outbox = MailOutbox.on(em, NEW_KEY);
            delivery.statistics = new DeliveryStatistics();
            delivery.deliver(id); // the connector is never reached: it is null here
        });

        database.inTransaction(em -> {
            SmsMessage message = em.find(SmsMessage.class, id);
            assertEquals(MessageStatus.ABORT, message.getStatus());
            assertTrue(message.getLastError().contains("cannot be decrypted"), message.getLastError());
            List<OutgoingMail> mails = em.createQuery("SELECT m FROM OutgoingMail m", OutgoingMail.class).getResultList();
            assertEquals(1, mails.size());
            assertEquals("sender@example.test", mails.get(0).getRecipient());
            String body = NEW_KEY.decrypt(mails.get(0).getBody());
            assertTrue(body.contains("cannot be decrypted") && body.contains("(cannot be shown)"), body);
        });
    }

    @Test
    void deliversWaitingMessagesTogetherAndStopsTheBatchAtATemporaryFailure() {
        User sender = database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User user = User.companyUser(company, null, "u-" + UUID.randomUUID(), "u@example.test", Role.SENDER, "h");
            em.persist(user);
            return user;
        });
        List<Long> ids = new ArrayList<>();
        for (String handset : List.of("+61412000001", "+61412000002", "+61412000003")) {
            ids.add(database.inTransaction(em -> {
                SmsMessage message = new SmsMessage(em.find(User.class, sender.getId()), handset, "+61491570156",
                        NEW_KEY.encrypt("Hello"), 0, 1, false, null);
                em.persist(message);
                return message.getId();
            }));
        }
        List<String> submittedTo = new ArrayList<>();
        PromptedMessages prompted = new PromptedMessages();

        database.inTransaction(em -> {
            DeliveryService delivery = new DeliveryService();
            delivery.em = em;
            delivery.cipher = NEW_KEY;
            delivery.outbox = MailOutbox.on(em, NEW_KEY);
            delivery.statistics = new DeliveryStatistics();
            delivery.retries = new RetryPolicy() {
                @Override
                public int maxAttempts() {
                    return 10;
                }

                @Override
                public Duration interval() {
                    return Duration.ofMinutes(2);
                }
            };
            delivery.prompted = prompted;
            delivery.connector = new SmppConnector() {
                @Override
                public String submit(Submission part) throws SubmitFailedException {
                    submittedTo.add(part.destinationE164());
                    if (part.destinationE164().endsWith("2")) {
                        throw new SubmitFailedException("SMSC did not answer", false, null);
                    }
                    return "id-" + part.destinationE164();
                }
            };
            delivery.deliverAll(new ArrayList<>(ids));
        });

        assertEquals(List.of("+61412000001", "+61412000002"), submittedTo, "nothing after the failure");
        assertEquals(List.of(ids.get(2)), prompted.take(DeliveryService.MAX_BATCH), "the rest waits for the next batch");
        database.inTransaction(em -> {
            assertEquals(MessageStatus.OK, em.find(SmsMessage.class, ids.get(0)).getStatus());
            assertEquals(MessageStatus.FAIL, em.find(SmsMessage.class, ids.get(1)).getStatus());
            assertEquals(MessageStatus.PENDING, em.find(SmsMessage.class, ids.get(2)).getStatus());
            assertEquals(0, em.find(SmsMessage.class, ids.get(2)).getAttempts(), "not attempted");
        });
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}

package org.emailsms.gateway.smsc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message whose stored text no key can read any more (the content key was changed) must not stay
 * PENDING: the sweep would queue it again every minute for ever. It is given up at once, and the
 * sender's error email says why without the text.
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

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}

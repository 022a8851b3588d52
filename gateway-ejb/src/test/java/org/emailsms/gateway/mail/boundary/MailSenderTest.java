package org.emailsms.gateway.mail.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.mail.control.SmtpSettings;
import org.emailsms.gateway.mail.entity.OutgoingMail;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An email stored under another content key is kept and put back, so the ones behind it can go; an
 * email is sent by the one node that claimed it.
 */
class MailSenderTest {

    private static final ContentCipher CIPHER = ContentCipher.withKey(Base64.getEncoder().encodeToString(new byte[32]));
    private static final ContentCipher OTHER_KEY;

    static {
        byte[] other = new byte[32];
        other[0] = 7;
        OTHER_KEY = ContentCipher.withKey(Base64.getEncoder().encodeToString(other));
    }

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void anEmailThatCannotBeDecryptedIsKeptAndPutBackBehindTheOthers() {
        database.inTransaction(em -> {
            MailOutbox.on(em, OTHER_KEY).queue("old@example.test", "Sealed under a key since replaced", "body");
        });

        long id = database.inTransaction(em -> {
            MailSender cut = sender(em);
            List<Long> due = cut.due();
            cut.send(due.get(0));
            return due.get(0);
        });

        OutgoingMail kept = database.inTransaction(em -> {
            return em.find(OutgoingMail.class, id);
        });
        assertTrue(kept.isPending(), "kept, not lost");
        assertEquals(1, kept.getAttempts());
        assertEquals(List.of(), database.inTransaction(em -> {
            return sender(em).due();
        }), "not due again before its retry time");
    }

    /** Two nodes sweeping the outbox at once: the first to claim an email sends it; the other passes it by. */
    @Test
    void anEmailIsClaimedByOneNodeOnly() {
        database.inTransaction(em -> {
            MailOutbox.on(em, CIPHER).queue("someone@example.test", "Once", "body");
        });
        long id = database.inTransaction(em -> {
            return sender(em).due().get(0);
        });

        boolean first = database.inTransaction(em -> {
            return sender(em).claim(id);
        });
        boolean second = database.inTransaction(em -> {
            return sender(em).claim(id);
        });

        assertTrue(first, "the first node takes it");
        assertFalse(second, "the second finds it taken");
        assertEquals(List.of(), database.inTransaction(em -> {
            return sender(em).due();
        }), "not due again while claimed");
    }

    private static MailSender sender(jakarta.persistence.EntityManager em) {
        MailSender cut = new MailSender();
        cut.em = em;
        cut.cipher = CIPHER;
        cut.smtp = new SmtpSettings() {
            @Override
            public Duration retryInterval() {
                return Duration.ofMinutes(1);
            }
        };
        return cut;
    }
}

package org.emailsms.gateway.mail.boundary;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.mail.control.SmtpSettings;
import org.emailsms.gateway.mail.entity.MailThreading;
import org.emailsms.gateway.mail.entity.OutgoingMail;
import org.emailsms.gateway.platform.control.ContentCipher;

/** Sends one email of the outbox per transaction, once claimed, and marks it sent or failed. */
@Stateless
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final int BATCH = 100;
    /** How long a node holds an email it sends: well beyond SMTP's timeouts (10 s to connect, 20 s a read or write). */
    static final Duration CLAIM = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    SmtpSettings smtp;

    @Inject
    ContentCipher cipher;

    /** {@code <key@domain>} with the domain of the sender address, so ids are unique to this gateway. */
    private String headerId(String key) {
        if (key == null) {
            return null;
        }
        String from = smtp.from();
        String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
        return "<" + key + "@" + address.substring(address.indexOf('@') + 1).strip() + ">";
    }

    /**
     * Takes the email for this node, in a transaction of its own, by moving its next attempt past the
     * claim if it is still due: of several nodes sweeping the outbox at once, one sends it. A node
     * that dies while sending leaves it to the others once the claim has run out.
     */
    public boolean claim(long id) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return em.createNativeQuery("UPDATE mail_outbox SET next_attempt_at = ?1 "
                        + "WHERE id = ?2 AND status = 'PENDING' AND next_attempt_at <= ?3")
                .setParameter(1, now.plus(CLAIM)).setParameter(2, id).setParameter(3, now).executeUpdate() == 1;
    }

    public List<Long> due() {
        return em.createNamedQuery("OutgoingMail.findDue", Long.class)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .setMaxResults(BATCH).getResultList();
    }

    public void send(long id) {
        OutgoingMail mail = em.find(OutgoingMail.class, id);
        if (mail == null || !mail.isPending()) {
            return;
        }
        String body = cipher.tryDecrypt(mail.getBody()).orElse(null);
        if (body == null) {
            // Kept, and tried again ever more rarely, but never again ahead of the emails that can go.
            mail.failed("The stored body cannot be decrypted: the content key was changed (gateway.crypto.key, "
                    + "or content.key in the data directory) or the data is damaged.", Instant.now(), smtp.retryInterval());
            LOG.warning(() -> String.format("Mail %d to %s cannot be decrypted; kept, tried again later", id,
                    mail.getRecipient()));
            return;
        }
        try {
            MailThreading threading = mail.getThreading();
            MimeMessage message = new ThreadedMessage(smtp.session(), headerId(threading.messageKey()));
            message.setFrom(new InternetAddress(smtp.from()));
            if (threading.inReplyToKey() != null) {
                // In-Reply-To and References both name the SMS's thread root; clients thread on either.
                message.setHeader("In-Reply-To", headerId(threading.inReplyToKey()));
                message.setHeader("References", headerId(threading.inReplyToKey()));
            }
            if (mail.getReplyToMobile() != null) {
                // Outlook's text messaging shows such a mail as a text message, answerable by SMS.
                message.setHeader("Content-class", "MS-OMS-SMS");
                message.setHeader("X-MS-Reply-To-Mobile", mail.getReplyToMobile());
            }
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.getRecipient()));
            message.setSubject(mail.getSubject(), "UTF-8");
            message.setText(body, "UTF-8");
            Transport.send(message);
            mail.sent(Instant.now());
            LOG.fine(() -> String.format("Mail %d sent to %s: %s", id, mail.getRecipient(), mail.getSubject()));
        } catch (MessagingException e) {
            mail.failed(e.getMessage(), Instant.now(), smtp.retryInterval());
            LOG.warning(() -> String.format("Mail %d to %s not sent (attempt %d), kept for later: %s", id,
                    mail.getRecipient(), mail.getAttempts(), e.getMessage()));
        }
    }

    /** Jakarta Mail replaces Message-ID when the message is saved; this keeps ours when there is one. */
    private static final class ThreadedMessage extends MimeMessage {

        private final String messageId;

        ThreadedMessage(jakarta.mail.Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}

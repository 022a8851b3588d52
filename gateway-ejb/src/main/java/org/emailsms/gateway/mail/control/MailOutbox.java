package org.emailsms.gateway.mail.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.mail.entity.MailThreading;
import org.emailsms.gateway.mail.entity.OutgoingMail;
import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * Where every email of the gateway starts: stored in the caller's transaction, so an email is
 * promised exactly when the event it tells of is committed; the dispatcher sends it later.
 */
@Dependent
public class MailOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    ContentCipher cipher;

    /** An outbox outside the container, on a given entity manager: for tests and tools. */
    public static MailOutbox on(EntityManager em, ContentCipher cipher) {
        MailOutbox outbox = new MailOutbox();
        outbox.em = em;
        outbox.cipher = cipher;
        return outbox;
    }

    public void queue(String recipient, String subject, String body) {
        em.persist(new OutgoingMail(recipient, subject, cipher.encrypt(body), null));
    }

    /** An email with its place in a conversation, for mail clients that thread. */
    public void queue(String recipient, String subject, String body, MailThreading threading) {
        em.persist(new OutgoingMail(recipient, subject, cipher.encrypt(body), threading));
    }

    /** A handset's reply in a conversation Outlook's text messaging started: Outlook shows it as a text message. */
    public void queueTextMessage(String recipient, String subject, String body, MailThreading threading, String handset) {
        OutgoingMail mail = new OutgoingMail(recipient, subject, cipher.encrypt(body), threading);
        mail.asTextMessageFrom(handset);
        em.persist(mail);
    }
}

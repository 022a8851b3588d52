package org.emailsms.gateway.inbound.boundary;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.inbound.control.InboundPdu;
import org.emailsms.gateway.inbound.control.InboundText;
import org.emailsms.gateway.inbound.control.Reassembly;
import org.emailsms.gateway.inbound.control.ReplySettings;
import org.emailsms.gateway.inbound.control.Segment;
import org.emailsms.gateway.inbound.entity.SmsReply;
import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.mail.entity.MailThreading;
import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.boundary.ProviderRole;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.control.PhoneNumbers;

/**
 * Replies from handsets: reassembled when concatenated, decoded, routed by reply path to
 * the user who owns the conversation between that handset and that pool number (DESIGN.md), and
 * mailed to them as an answer to their SMS. A reply nobody owns goes to the fallback mailbox and
 * stays listed for the provider's administrators. Stored encrypted either way.
 */
@Stateless
public class ReplyService {

    private static final Logger LOG = Logger.getLogger(ReplyService.class.getName());
    private static final int MAX_LISTED = 1_000;
    private static final int MAX_EXPIRED_AT_ONCE = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext
    EntityManager em;

    @Inject
    ProviderRole providerRole;

    @Inject
    Reassembly reassembly;

    @Inject
    MailOutbox outbox;

    @Inject
    ContentCipher cipher;

    @Inject
    ReplySettings settings;

    public void receive(InboundPdu pdu) {
        String poolNumber = PhoneNumbers.fromSmsc(pdu.destinationAddress(), null);
        String handset = PhoneNumbers.fromSmsc(pdu.sourceAddress(), PhoneNumbers.countryOf(poolNumber).orElse(null));
        Segment segment = Segment.of(pdu);
        if (!segment.isPartOfMany()) {
            deliver(handset, poolNumber, InboundText.decode(segment.payload(), segment.dataCoding()), 1);
            return;
        }
        reassembly.add(handset, poolNumber, segment).ifPresentOrElse(
                whole -> deliver(handset, poolNumber, InboundText.decode(whole.payload(), whole.dataCoding()),
                        whole.parts()),
                () -> LOG.fine(() -> String.format("part %d of %d of a reply from %s kept until the rest arrives",
                        segment.sequence(), segment.total(), handset)));
    }

    /**
     * The concatenated replies whose other parts have not come within
     * {@code gateway.inbound.reassembly-timeout}: each to be mailed on its own with
     * {@link #deliverIncomplete(Reassembly.GroupKey)}, in a transaction of its own.
     */
    public List<Reassembly.GroupKey> expiredIncomplete(Instant now) {
        return reassembly.expired(now.minus(settings.reassemblyTimeout()), MAX_EXPIRED_AT_ONCE);
    }

    /**
     * Mails what arrived of one expired reply, marked incomplete, and forgets its parts; nothing
     * when it is gone (completed meanwhile, or taken by another node).
     */
    public void deliverIncomplete(Reassembly.GroupKey expired) {
        reassembly.take(expired, Instant.now().minus(settings.reassemblyTimeout())).ifPresent(reply -> {
            LOG.info(() -> String.format("Reply from %s to %s: %d of %d parts arrived within %s; mailed incomplete",
                    reply.handset(), reply.poolNumber(), reply.parts().size(), reply.total(),
                    settings.reassemblyTimeout()));
            deliver(reply.handset(), reply.poolNumber(), reply.text(), reply.parts().size());
        });
    }

    /** The newest replies that no one owned, newest first. */
    public List<UnroutedReply> unrouted(String actorName, int max) throws NotAuthorizedException {
        providerRole.require(actorName);
        return em.createNamedQuery("SmsReply.findUnrouted", SmsReply.class)
                .setMaxResults(Math.max(1, Math.min(max, MAX_LISTED)))
                .getResultStream()
                .map(reply -> new UnroutedReply(reply.getId(), reply.getHandset(), reply.getPoolNumber(),
                        reply.getReceivedAt(), readable(reply), reply.getMailedTo()))
                .toList();
    }

    /** One reply stored under another content key must not hide all the others from the operators. */
    private String readable(SmsReply reply) {
        return cipher.tryDecrypt(reply.getContent()).orElseGet(() -> {
            LOG.warning(() -> "Reply " + reply.getId() + " cannot be decrypted with this node's content key");
            return "(cannot be decrypted with this node's content key)";
        });
    }

    private void deliver(String handset, String poolNumber, String text, int segments) {
        Optional<User> owner = conversationOwner(handset, poolNumber);
        SmsMessage answered = owner.flatMap(user -> lastMessage(user, handset, poolNumber)).orElse(null);
        String mailbox = owner.map(User::getEmail).orElseGet(settings::fallbackMailbox);
        SmsReply reply = new SmsReply(handset, poolNumber, owner.orElse(null), answered, cipher.encrypt(text),
                segments, mailbox);
        em.persist(reply);
        if (owner.isPresent()) {
            mailToOwner(reply, text);
        } else {
            mailToFallback(reply, text);
        }
        LOG.info(() -> String.format("Reply %d from %s to %s (%d part(s)) routed to %s", reply.getId(), handset,
                poolNumber, segments, owner.map(User::getUsername).orElse("the fallback mailbox " + mailbox)));
    }

    /** Who last texted this handset from this pool number; a deleted user owns nothing any more. */
    private Optional<User> conversationOwner(String handset, String poolNumber) {
        List<?> owners = em.createNativeQuery("SELECT user_id FROM reply_path WHERE recipient = ?1 AND sender_number = ?2")
                .setParameter(1, handset).setParameter(2, poolNumber).getResultList();
        return owners.stream().findFirst()
                .map(id -> em.find(User.class, ((Number) id).longValue()))
                .filter(user -> user.getDeletedAt() == null);
    }

    private Optional<SmsMessage> lastMessage(User user, String handset, String poolNumber) {
        return em.createNamedQuery("SmsMessage.findLastOfConversation", SmsMessage.class)
                .setParameter("user", user).setParameter("destination", handset).setParameter("sender", poolNumber)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private void mailToOwner(SmsReply reply, String text) {
        SmsMessage answered = reply.getAnswered();
        String contact = answered != null && answered.getContactName() != null
                ? answered.getContactName() + " (" + reply.getHandset() + ")" : reply.getHandset();
        StringBuilder body = new StringBuilder()
                .append(contact).append(" replied by SMS:\n\n").append(text).append("\n");
        if (answered != null) {
            String sentAt = answered.getCreatedAt().atZoneSameInstant(reply.getUser().getCompany().getTimeZone())
                    .format(WHEN);
            body.append("\n-- \nIn reply to your SMS of ").append(sentAt).append(" (message ").append(answered.getId())
                    .append("):\n> ").append(SmsMessage.readable(cipher.decrypt(answered.getContent())).replace("\n", "\n> ")).append("\n");
        }
        MailThreading threading = answered != null ? MailThreading.aboutSms(answered.getId(), "reply-" + reply.getId())
                : MailThreading.standalone("reply-" + reply.getId());
        if (answered != null && answered.getSource() != MessageSource.ADD_IN) {
            outbox.queueTextMessage(reply.getMailedTo(), "SMS reply from " + contact, body.toString(), threading,
                    reply.getHandset());
        } else {
            outbox.queue(reply.getMailedTo(), "SMS reply from " + contact, body.toString(), threading);
        }
    }

    private void mailToFallback(SmsReply reply, String text) {
        outbox.queue(reply.getMailedTo(), "Unrouted SMS from " + reply.getHandset() + " to " + reply.getPoolNumber(),
                String.format("""
                        This SMS reached the gateway's number %s from %s, but no user owns that conversation \
                        (no one has texted %s from %s, or that user was deleted). It is kept as unrouted \
                        reply %d.

                        %s
                        """, reply.getPoolNumber(), reply.getHandset(), reply.getHandset(), reply.getPoolNumber(),
                        reply.getId(), text),
                MailThreading.standalone("reply-" + reply.getId()));
    }
}

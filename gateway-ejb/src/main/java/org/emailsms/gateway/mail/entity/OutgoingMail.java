package org.emailsms.gateway.mail.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/** One email in the outbox: PENDING until the SMTP server accepts it, then SENT. */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = "OutgoingMail.findDue", query = """
        SELECT m.id FROM OutgoingMail m WHERE m.status = 'PENDING' AND m.nextAttemptAt <= :now ORDER BY m.id""")
public class OutgoingMail extends GatewayEntity {

    private static final int MAX_ERROR = 255;
    /** Waits between attempts grow to this and stay there: an outage delays mail, never drops it. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 255)
    private String subject;

    @Column(nullable = false)
    private byte[] body;

    @Column(nullable = false, length = 16)
    private String status = "PENDING";

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "message_id", length = 200)
    private String messageKey;

    @Column(name = "in_reply_to", length = 200)
    private String inReplyToKey;

    /** A handset's reply that Outlook should show as a text message it can answer (OMS headers). */
    @Column(name = "reply_to_mobile", length = 20)
    private String replyToMobile;

    @Version
    private long version;

    protected OutgoingMail() {
    }

    public OutgoingMail(String recipient, String subject, byte[] encryptedBody, MailThreading threading) {
        this.recipient = recipient;
        this.messageKey = threading == null ? null : threading.messageKey();
        this.inReplyToKey = threading == null ? null : threading.inReplyToKey();
        this.subject = subject.length() <= 255 ? subject : subject.substring(0, 255);
        this.body = encryptedBody;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.nextAttemptAt = createdAt;
    }

    public boolean isPending() {
        return "PENDING".equals(status);
    }

    public void sent(Instant at) {
        status = "SENT";
        sentAt = at.atOffset(ZoneOffset.UTC);
        attempts++;
    }

    /** The SMTP server did not take it; try again after a wait that grows with each failure. */
    public void failed(String reason, Instant now, Duration firstWait) {
        attempts++;
        lastError = reason == null || reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR);
        Duration wait = firstWait.multipliedBy(1L << Math.min(attempts - 1, 10));
        nextAttemptAt = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait).atOffset(ZoneOffset.UTC);
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public byte[] getBody() {
        return body.clone();
    }

    /** Its place in a conversation; null parts mean none. */
    public MailThreading getThreading() {
        return new MailThreading(messageKey, inReplyToKey);
    }

    /**
     * Mailed as a text message from {@code handset}, which Outlook's text messaging shows as such and
     * answers by SMS: for replies in conversations that Outlook started.
     */
    public void asTextMessageFrom(String handset) {
        this.replyToMobile = handset;
    }

    /** The handset Outlook should answer, or null for an ordinary email. */
    public String getReplyToMobile() {
        return replyToMobile;
    }

    public int getAttempts() {
        return attempts;
    }
}

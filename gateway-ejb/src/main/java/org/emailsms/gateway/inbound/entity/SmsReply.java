package org.emailsms.gateway.inbound.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.entity.GatewayEntity;

/**
 * A mobile-originated message, whole after reassembly: from the handset to one of the
 * pool's numbers, its text encrypted, and where it went: the user owning the conversation, or no
 * one (then it went to the fallback mailbox and administrators see it among unrouted replies).
 */
@Entity
@Table(name = "sms_reply")
@NamedQuery(name = "SmsReply.receivedSince", query = """
        SELECT r FROM SmsReply r WHERE r.user = :user AND r.receivedAt <= :settled
        AND (r.receivedAt > :at OR r.receivedAt = :at AND r.id > :id) ORDER BY r.receivedAt, r.id""")
@NamedQuery(name = "SmsReply.findUnrouted",
        query = "SELECT r FROM SmsReply r WHERE r.user IS NULL ORDER BY r.receivedAt DESC, r.id DESC")
public class SmsReply extends GatewayEntity {

    @Column(nullable = false, length = 20)
    private String handset;

    @Column(name = "pool_number", nullable = false, length = 20)
    private String poolNumber;

    @ManyToOne
    @JoinColumn(name = "user_id")
    private User user;

    @ManyToOne
    @JoinColumn(name = "answered_message_id")
    private SmsMessage answered;

    @Column(nullable = false)
    private byte[] content;

    @Column(nullable = false)
    private int segments;

    @Column(name = "mailed_to", length = 254)
    private String mailedTo;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Version
    private long version;

    protected SmsReply() {
    }

    public SmsReply(String handset, String poolNumber, User user, SmsMessage answered, byte[] encryptedContent,
                    int segments, String mailedTo) {
        this.handset = handset;
        this.poolNumber = poolNumber;
        this.user = user;
        this.answered = answered;
        this.content = encryptedContent;
        this.segments = segments;
        this.mailedTo = mailedTo;
        this.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String getHandset() {
        return handset;
    }

    public String getPoolNumber() {
        return poolNumber;
    }

    public User getUser() {
        return user;
    }

    public SmsMessage getAnswered() {
        return answered;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public int getSegments() {
        return segments;
    }

    public String getMailedTo() {
        return mailedTo;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }
}

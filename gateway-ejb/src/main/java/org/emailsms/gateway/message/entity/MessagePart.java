package org.emailsms.gateway.message.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/** One SMPP submit of a message: the SMSC's id for it arrives with its acknowledgement. */
@Entity
@Table(name = "sms_part")
// Newest first: SMSCs reuse ids in time, so the latest part under an id is the one a receipt means.
@NamedQuery(name = "MessagePart.findBySmscIdKeys", query = """
        SELECT p.id, p.message.id, p.message.destination FROM MessagePart p
        WHERE p.smscIdKey IN :keys ORDER BY p.acknowledgedAt DESC, p.id DESC""")
public class MessagePart extends GatewayEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "message_id")
    private SmsMessage message;

    @Column(name = "part_number", nullable = false)
    private int partNumber;

    @Column(name = "smsc_message_id", length = 64)
    private String smscMessageId;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    @Column(name = "smsc_id_key", length = 64)
    private String smscIdKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_state", length = 16)
    private DeliveryState deliveryState;

    @Column(name = "reported_at")
    private OffsetDateTime reportedAt;

    protected MessagePart() {
    }

    MessagePart(SmsMessage message, int partNumber) {
        this.message = message;
        this.partNumber = partNumber;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** The SMSC took the part under this id; {@code idKey} is the id's canonical form for receipts. */
    public void acknowledge(String smscMessageId, String idKey, OffsetDateTime at) {
        this.smscMessageId = smscMessageId;
        this.smscIdKey = idKey;
        this.acknowledgedAt = at;
    }

    /** What the network reported for this part; the message's status follows from all its parts. */
    public void report(DeliveryState state, OffsetDateTime at) {
        this.deliveryState = state;
        this.reportedAt = at;
        message.rollUpReceipts();
    }

    public DeliveryState getDeliveryState() {
        return deliveryState;
    }

    public SmsMessage getMessage() {
        return message;
    }

    public boolean isPart(long id) {
        return getId() == id;
    }

    public int getPartNumber() {
        return partNumber;
    }

    public String getSmscMessageId() {
        return smscMessageId;
    }
}

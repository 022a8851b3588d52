package org.emailsms.gateway.message.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.emailsms.gateway.platform.entity.GatewayEntity;

/** One SMPP submit of a message: the SMSC's id for it arrives with its acknowledgement. */
@Entity
@Table(name = "sms_part")
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

    @Column(name = "smsc_id_key", length = 100)
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

package org.emailsms.gateway.inbound.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.emailsms.gateway.inbound.control.InboundPdu;
import org.emailsms.gateway.platform.control.CarrierNames;
import org.emailsms.gateway.platform.entity.GatewayEntity;

/**
 * A deliver_sm as it was acknowledged to the SMSC, kept until it has been processed (then it is
 * deleted). Its short message may be a reply's text, so it is stored encrypted like all content.
 */
@Entity
@Table(name = "inbound_pdu")
public class ReceivedPdu extends GatewayEntity {

    private static final int MAX_ERROR_LENGTH = 255;

    @Column(nullable = false)
    private boolean receipt;

    @Column(name = "source_addr", length = 65)
    private String sourceAddress;

    @Column(name = "destination_addr", length = 65)
    private String destinationAddress;

    @Column(name = "esm_class", nullable = false)
    private int esmClass;

    @Column(name = "data_coding", nullable = false)
    private int dataCoding;

    @Column(name = "short_message", nullable = false)
    private byte[] sealedShortMessage;

    @Column(name = "receipted_message_id", length = 65)
    private String receiptedMessageId;

    @Column(name = "message_state")
    private Integer messageState;

    @Column(name = "sar_reference")
    private Integer sarReference;

    @Column(name = "sar_total")
    private Integer sarTotal;

    @Column(name = "sar_sequence")
    private Integer sarSequence;

    /** The carrier it came from; null for the default carrier (and rows from before there were several). */
    @Column(length = 32)
    private String carrier;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    protected ReceivedPdu() {
    }

    /**
     * {@code processBy} is when the sweep takes it up should the prompt that goes with it be lost.
     */
    public ReceivedPdu(InboundPdu pdu, byte[] sealedShortMessage, Instant receivedAt, Instant processBy) {
        this.receipt = pdu.receipt();
        this.sourceAddress = pdu.sourceAddress();
        this.destinationAddress = pdu.destinationAddress();
        this.esmClass = pdu.esmClass();
        this.dataCoding = pdu.dataCoding();
        this.sealedShortMessage = sealedShortMessage;
        this.receiptedMessageId = pdu.receiptedMessageId();
        this.messageState = pdu.messageState();
        this.sarReference = pdu.sarReference();
        this.sarTotal = pdu.sarTotal();
        this.sarSequence = pdu.sarSequence();
        this.carrier = CarrierNames.DEFAULT.equals(pdu.carrier()) ? null : pdu.carrier();
        this.receivedAt = receivedAt.atOffset(ZoneOffset.UTC);
        this.nextAttemptAt = processBy.atOffset(ZoneOffset.UTC);
    }

    /** The PDU again, given its short message decrypted. */
    public InboundPdu toPdu(byte[] shortMessage) {
        return new InboundPdu(receipt, sourceAddress, destinationAddress, esmClass, dataCoding, shortMessage,
                receiptedMessageId, messageState, sarReference, sarTotal, sarSequence,
                carrier == null ? CarrierNames.DEFAULT : carrier);
    }

    /** One attempt that could not process it; the next after {@code pause}. */
    public void deferred(String reason, Instant now, Duration pause) {
        attempts++;
        lastError = truncated(reason);
        nextAttemptAt = now.plus(pause).atOffset(ZoneOffset.UTC);
    }

    /** No further attempt: kept, with why, for the operators. */
    public void givenUp(String reason) {
        attempts++;
        lastError = truncated(reason);
        nextAttemptAt = null;
    }

    private static String truncated(String reason) {
        return reason == null || reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
    }

    public boolean isReceipt() {
        return receipt;
    }

    public byte[] getSealedShortMessage() {
        return sealedShortMessage.clone();
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }
}

package org.emailsms.gateway.inbound.boundary;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.emailsms.gateway.inbound.control.InboundPdu;
import org.emailsms.gateway.inbound.control.InboundStatistics;
import org.emailsms.gateway.message.boundary.Receipt;
import org.emailsms.gateway.message.boundary.Receipts;
import org.emailsms.gateway.message.entity.DeliveryState;
import org.emailsms.gateway.message.boundary.SmscMessageIds;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * Delivery receipts (handset delivery confirmation) as the SMSC sends them: the SMSC's id of the part
 * and the final state read from the receipt's fields or its text, then recorded by the message
 * component, which rolls the message's status up and mails the confirmation a sender asked for.
 */
@Stateless
public class ReceiptService {

    /** SMPP 3.4 message_state values. */
    private static final int DELIVERED = 2;
    private static final int EXPIRED = 3;
    private static final int DELETED = 4;
    private static final int UNDELIVERABLE = 5;
    private static final int REJECTED = 8;

    @EJB
    Receipts receipts;

    @Inject
    InboundStatistics statistics;

    /**
     * Records one receipt; false, and nothing changed, when no acknowledged part matches it (yet):
     * a receipt may overtake the storing of the acknowledgement it reports on.
     *
     * @throws IllegalArgumentException if the SMSC's id cannot be read from it
     */
    public boolean record(InboundPdu pdu) {
        Optional<Receipt> receipt = read(pdu);
        if (receipt.isEmpty()) {
            return true;
        }
        boolean matched = receipts.record(List.of(receipt.get())).get(0);
        if (matched) {
            counted(pdu, receipt.get());
        }
        return matched;
    }

    /**
     * Records the receipts among {@code pdus} that it can, in one go: for each PDU, whether it was
     * recorded (an intermediate receipt counts as recorded: there is nothing to record). A reply, a
     * receipt that cannot be read, or one whose part is not known yet is left to be stored.
     */
    public List<Boolean> recordAll(List<InboundPdu> pdus) {
        List<Boolean> recorded = new ArrayList<>(Collections.nCopies(pdus.size(), false));
        List<Integer> positions = new ArrayList<>();
        List<Receipt> read = new ArrayList<>();
        for (int i = 0; i < pdus.size(); i++) {
            if (!pdus.get(i).receipt()) {
                continue;
            }
            try {
                Optional<Receipt> receipt = read(pdus.get(i));
                if (receipt.isEmpty()) {
                    recorded.set(i, true);
                } else {
                    positions.add(i);
                    read.add(receipt.get());
                }
            } catch (IllegalArgumentException unreadable) {
                // stored, so that processing it reports it
            }
        }
        if (!read.isEmpty()) {
            List<Boolean> matched = receipts.record(read);
            for (int i = 0; i < positions.size(); i++) {
                recorded.set(positions.get(i), matched.get(i));
                if (matched.get(i)) {
                    counted(pdus.get(positions.get(i)), read.get(i));
                }
            }
        }
        return recorded;
    }

    /** For the alert on a carrier whose receipts stop saying delivered. */
    private void counted(InboundPdu pdu, Receipt receipt) {
        statistics.receiptFrom(pdu.carrier(), receipt.state() == DeliveryState.DELIVERED, receipt.at().toInstant());
    }

    /** The receipt's final word, or empty for an intermediate receipt (en route, accepted...). */
    private static Optional<Receipt> read(InboundPdu pdu) {
        String text = new String(pdu.shortMessage(), StandardCharsets.ISO_8859_1);
        Optional<DeliveryState> state = pdu.messageState() != null ? fromMessageState(pdu.messageState()) : fromText(text);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        String handset = pdu.sourceAddress() == null ? "" : pdu.sourceAddress().replaceFirst("^\\+", "");
        return Optional.of(new Receipt(SmscMessageIds.candidateKeys(pdu.carrier(), quotedId(pdu)), handset, state.get(),
                OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** The SMSC's id of the message a receipt reports on: its TLV, else the id in its text. */
    static String quotedId(InboundPdu pdu) {
        return pdu.receiptedMessageId() != null ? pdu.receiptedMessageId()
                : idInText(new String(pdu.shortMessage(), StandardCharsets.ISO_8859_1));
    }

    private static String idInText(String text) {
        try {
            return new DeliveryReceipt(text).getId();
        } catch (InvalidDeliveryReceiptException e) {
            throw new IllegalArgumentException("unreadable delivery receipt: " + text, e);
        }
    }

    private static Optional<DeliveryState> fromMessageState(int state) {
        return switch (state) {
            case DELIVERED -> Optional.of(DeliveryState.DELIVERED);
            case EXPIRED -> Optional.of(DeliveryState.EXPIRED);
            case DELETED, UNDELIVERABLE, REJECTED -> Optional.of(DeliveryState.UNDELIVERED);
            default -> Optional.empty();
        };
    }

    private static Optional<DeliveryState> fromText(String text) {
        String upper = text.toUpperCase();
        int at = upper.indexOf("STAT:");
        if (at < 0) {
            return Optional.empty();
        }
        String stat = upper.substring(at + 5).strip().split("\\s+")[0];
        return switch (stat) {
            case "DELIVRD" -> Optional.of(DeliveryState.DELIVERED);
            case "EXPIRED" -> Optional.of(DeliveryState.EXPIRED);
            case "DELETED", "UNDELIV", "REJECTD" -> Optional.of(DeliveryState.UNDELIVERED);
            default -> Optional.empty();
        };
    }
}

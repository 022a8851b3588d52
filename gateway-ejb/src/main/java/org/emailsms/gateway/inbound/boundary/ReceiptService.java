package org.emailsms.gateway.inbound.boundary;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.inbound.control.InboundPdu;
import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.mail.entity.MailThreading;
import org.emailsms.gateway.message.entity.DeliveryState;
import org.emailsms.gateway.message.entity.MessagePart;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.smsc.control.SmscMessageIds;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * Delivery receipts (handset delivery confirmation): the part the receipt names is
 * found under any form of the SMSC's id, its final state recorded, and the message's status rolled
 * up from all its parts; a sender who asked, in a company that offers it, gets a confirmation email.
 */
@Stateless
public class ReceiptService {

    private static final Logger LOG = Logger.getLogger(ReceiptService.class.getName());

    /** SMPP 3.4 message_state values. */
    private static final int DELIVERED = 2;
    private static final int EXPIRED = 3;
    private static final int DELETED = 4;
    private static final int UNDELIVERABLE = 5;
    private static final int REJECTED = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    /**
     * Records one receipt; false, and nothing changed, when no acknowledged part matches it (yet):
     * a receipt may overtake the storing of the acknowledgement it reports on.
     */
    public boolean record(InboundPdu pdu) {
        String text = new String(pdu.shortMessage(), StandardCharsets.ISO_8859_1);
        String smscId = quotedId(pdu);
        Optional<DeliveryState> state = pdu.messageState() != null ? fromMessageState(pdu.messageState()) : fromText(text);
        if (state.isEmpty()) {
            LOG.fine(() -> "intermediate receipt for " + smscId + " ignored");
            return true;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = em.createNamedQuery("MessagePart.findBySmscIdKeys")
                .setParameter("keys", SmscMessageIds.candidateKeys(smscId)).getResultList();
        // A receipt comes from the handset's number: of parts under a reused id, the one sent there.
        String handset = pdu.sourceAddress() == null ? "" : pdu.sourceAddress().replaceFirst("^\\+", "");
        Optional<Object[]> matching = candidates.stream()
                .filter(c -> handset.isEmpty() || ((String) c[2]).substring(1).equals(handset))
                .findFirst();
        if (matching.isEmpty()) {
            LOG.fine(() -> "no part to " + handset + " acknowledged under SMSC id '" + smscId + "' (yet)");
            return false;
        }
        Object[] match = matching.get();
        // Receipts of one message's parts are processed one at a time, so the roll-up sees them all.
        SmsMessage message = em.find(SmsMessage.class, ((Number) match[1]).longValue(), LockModeType.PESSIMISTIC_WRITE);
        long partId = ((Number) match[0]).longValue();
        MessagePart part = message.getParts().stream().filter(p -> p.isPart(partId)).findFirst().orElseThrow();
        boolean wasReported = message.isFinallyReported();
        part.report(state.get(), OffsetDateTime.now(ZoneOffset.UTC));
        LOG.fine(() -> String.format("Receipt for message %d part %d: %s", message.getId(), part.getPartNumber(),
                state.get()));
        if (!wasReported && message.isFinallyReported() && message.isDeliveryConfirmation()
                && message.getUser().getCompany().isDeliveryConfirmation()) {
            outbox.queue(message.getUser().getEmail(),
                    "SMS to " + message.getDestination() + ": " + message.getStatus().name().toLowerCase(),
                    String.format("Your SMS to %s (message %d, sent %s) is %s, as the network reports.%n",
                            message.getDestination(), message.getId(), message.getCreatedAt().toInstant(),
                            message.getStatus().name().toLowerCase()),
                    MailThreading.aboutSms(message.getId(), message.getStatus().name().toLowerCase()));
        }
        return true;
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

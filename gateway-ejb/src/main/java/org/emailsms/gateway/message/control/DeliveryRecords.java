package org.emailsms.gateway.message.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.mail.entity.MailThreading;
import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.boundary.DeliveryOutcome;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * Writes what delivery attempts came to, many in one transaction (the write-behind's write): the
 * acknowledged parts, then each message's status as {@link MessageLifecycle} decides it: {@code OK};
 * {@code FAIL} with the time of its next attempt; or {@code ABORT} with the error email the sender
 * is promised. Only
 * while the attempt's node still holds the claim: a node that lost it (its lease ran out and another
 * took the message over) changes nothing, and says so.
 */
@Dependent
public class DeliveryRecords {

    private static final Logger LOG = Logger.getLogger(DeliveryRecords.class.getName());
    private static final int MAX_ERROR = 255;
    private static final String HELD = " WHERE id = ? AND claimed_by = ? AND status = 'PENDING'";

    @PersistenceContext
    EntityManager em;

    @Inject
    RetryPolicy retries;

    @Inject
    ContentCipher cipher;

    @Inject
    MailOutbox outbox;

    /** Outside the container, on a transaction the caller runs. */
    public static DeliveryRecords on(EntityManager em, RetryPolicy retries, ContentCipher cipher) {
        DeliveryRecords records = new DeliveryRecords();
        records.em = em;
        records.retries = retries;
        records.cipher = cipher;
        records.outbox = MailOutbox.on(em, cipher);
        return records;
    }

    /** The status each message now has, in the order of {@code outcomes}; null where the claim was lost. */
    @Transactional
    public List<MessageStatus> write(List<DeliveryOutcome> outcomes) {
        Instant now = Instant.now();
        MessageLifecycle lifecycle = new MessageLifecycle(retries);
        Connection connection = em.unwrap(Connection.class);
        List<MessageStatus> statuses = new ArrayList<>();
        List<DeliveryOutcome> aborted = new ArrayList<>();
        try (PreparedStatement parts = connection.prepareStatement(
                "UPDATE sms_part SET smsc_message_id = ?, smsc_id_key = ?, acknowledged_at = ?, carrier = ? WHERE id = ?");
             PreparedStatement ok = connection.prepareStatement("UPDATE sms_message SET status = 'OK', "
                     + "submitted_at = ?, changed_at = ?, attempts = ?, last_error = NULL, next_attempt_at = NULL, claimed_by = NULL, "
                     + "version = version + 1" + HELD);
             PreparedStatement failed = connection.prepareStatement("UPDATE sms_message SET status = ?, "
                     + "last_error = ?, attempts = ?, next_attempt_at = ?, changed_at = ?, claimed_by = NULL, version = version + 1"
                     + HELD)) {
            List<DeliveryOutcome> order = new ArrayList<>();
            for (DeliveryOutcome outcome : outcomes) {
                Delivery delivery = outcome.delivery();
                int attempts = lifecycle.attemptsAfter(outcome);
                MessageStatus status = lifecycle.statusAfter(outcome);
                statuses.add(status);
                order.add(outcome);
                if (status == MessageStatus.OK) {
                    OffsetDateTime submitted = lastAcknowledgement(outcome, now).atOffset(ZoneOffset.UTC);
                    ok.setObject(1, submitted);
                    // When the row changes, not when the SMSC answered: the history pages by it, and an
                    // outcome written behind a second later must not land behind a page already read.
                    ok.setObject(2, now.atOffset(ZoneOffset.UTC));
                    ok.setInt(3, attempts);
                    held(ok, 4, delivery);
                    ok.addBatch();
                } else {
                    failed.setString(1, status.name());
                    failed.setString(2, truncate(status == MessageStatus.ABORT ? lifecycle.abortReason(outcome)
                            : outcome.failure().reason()));
                    failed.setInt(3, attempts);
                    failed.setObject(4, status == MessageStatus.FAIL
                            ? lifecycle.nextAttempt(outcome, now).atOffset(ZoneOffset.UTC) : null);
                    failed.setObject(5, now.atOffset(ZoneOffset.UTC));
                    held(failed, 6, delivery);
                    failed.addBatch();
                }
            }
            int[] okRows = ok.executeBatch();
            int[] failedRows = failed.executeBatch();
            int nextOk = 0;
            int nextFailed = 0;
            for (int i = 0; i < order.size(); i++) {
                DeliveryOutcome outcome = order.get(i);
                boolean held = (statuses.get(i) == MessageStatus.OK ? okRows[nextOk++] : failedRows[nextFailed++]) == 1;
                if (!held) {
                    LOG.warning(() -> "Message " + outcome.delivery().messageId() + ": " + outcome.delivery().claimant()
                            + " no longer held its claim, so its attempt is not recorded (the message was taken "
                            + "over; " + outcome.acknowledged().size() + " parts may have gone twice)");
                    statuses.set(i, null);
                    continue;
                }
                for (DeliveryOutcome.Acknowledged part : outcome.acknowledged()) {
                    parts.setString(1, part.smscId());
                    parts.setString(2, part.idKey());
                    parts.setObject(3, part.at().atOffset(ZoneOffset.UTC));
                    parts.setString(4, part.carrier());
                    parts.setLong(5, part.partId());
                    parts.addBatch();
                }
                if (statuses.get(i) == MessageStatus.ABORT) {
                    aborted.add(outcome);
                }
            }
            parts.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + outcomes.size() + " delivery attempts: " + e.getMessage(), e);
        }
        for (DeliveryOutcome outcome : aborted) {
            mailAbort(outcome, lifecycle.abortReason(outcome));
        }
        return statuses;
    }

    private static Instant lastAcknowledgement(DeliveryOutcome outcome, Instant now) {
        return outcome.acknowledged().stream().map(DeliveryOutcome.Acknowledged::at).max(Instant::compareTo).orElse(now);
    }

    private static void held(PreparedStatement statement, int from, Delivery delivery) throws SQLException {
        statement.setLong(from, delivery.messageId());
        statement.setString(from + 1, delivery.claimant());
    }

    /** The error email the sender is promised, in the transaction that gave the message up. */
    private void mailAbort(DeliveryOutcome outcome, String reason) {
        Delivery delivery = outcome.delivery();
        String email = senderEmail(delivery.messageId());
        String text = cipher.tryDecrypt(delivery.content()).orElse(null);
        LOG.warning(() -> String.format("Message %d aborted: %s", delivery.messageId(), reason));
        outbox.queue(email, "SMS to " + delivery.destination() + " could not be delivered", String.format("""
                        Your SMS to %s (message %d, sent %s) could not be delivered to the carrier and was \
                        given up (status ABORT).

                        Reason: %s

                        Your text:
                        %s
                        """, delivery.destination(), delivery.messageId(), delivery.due(), reason,
                        text == null ? "(cannot be shown)" : SmsMessage.readable(text)),
                MailThreading.aboutSms(delivery.messageId(), "aborted"));
    }

    private String senderEmail(long messageId) {
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT u.email FROM sms_message m JOIN gateway_user u ON u.id = m.user_id WHERE m.id = ?")) {
            select.setLong(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the sender of message " + messageId + ": " + e.getMessage(), e);
        }
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR);
    }
}

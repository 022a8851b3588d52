package org.emailsms.gateway.smsc.boundary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.mail.entity.MailThreading;
import org.emailsms.gateway.message.control.EncodedSms;
import org.emailsms.gateway.message.entity.MessagePart;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.smsc.control.DeliveryStatistics;
import org.emailsms.gateway.smsc.control.RetryPolicy;
import org.emailsms.gateway.smsc.control.SmscMessageIds;
import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.smsc.control.Submission;
import org.emailsms.gateway.smsc.control.SubmitFailedException;

/**
 * Deposits one message with the SMSC: every part not yet acknowledged is
 * submitted; all acknowledged is {@code OK}; a temporary failure is {@code FAIL} with the time of
 * the next attempt; a permanent one, or the last attempt, is {@code ABORT}. Acknowledged parts are
 * kept even when a later part fails, so they are never submitted twice.
 */
@Stateless
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    SmppConnector connector;

    @Inject
    ContentCipher cipher;

    @Inject
    RetryPolicy retries;

    @Inject
    MailOutbox outbox;

    @Inject
    DeliveryStatistics statistics;

    public void deliver(long messageId) {
        SmsMessage message = lockIfPending(messageId);
        if (message == null) {
            return;
        }
        message.countAttempt();
        String text = cipher.tryDecrypt(message.getContent()).orElse(null);
        Instant due = (message.getScheduledAt() != null ? message.getScheduledAt() : message.getCreatedAt()).toInstant();
        if (due.plus(retries.maxAge()).isBefore(Instant.now())) {
            abort(message, "Not sent within " + retries.maxAge().toHours() + " hours of being due: given up so "
                    + "that a stale text does not reach the handset late.", text);
            return;
        }
        if (text == null) {
            // No later attempt can do better; left PENDING it would be queued again for ever.
            abort(message, "The stored text cannot be decrypted: the content key was changed (gateway.crypto.key, "
                    + "or content.key in the data directory) or the data is damaged.", null);
            return;
        }
        EncodedSms sms = message.isSeparateParts()
                ? EncodedSms.separate(List.of(text.split(String.valueOf(SmsMessage.PART_SEPARATOR), -1))).orElseThrow()
                : EncodedSms.of(text);
        // Separate parts go as SMS of their own: no concatenation header.
        int partCount = sms.isSeparate() ? 1 : message.getSegments();
        int reference = (int) (messageId & 0xFF);
        try {
            for (MessagePart part : message.getParts()) {
                if (!part.isAcknowledged()) {
                    statistics.submitted();
                    String smscId = connector.submit(new Submission(message.getSenderNumber(),
                            message.getDestination(), message.getDataCoding(),
                            sms.segments().get(part.getPartNumber() - 1), reference, part.getPartNumber(),
                            partCount, message.isDeliveryConfirmation()));
                    part.acknowledge(smscId, SmscMessageIds.key(smscId), Instant.now().atOffset(ZoneOffset.UTC));
                    statistics.acknowledged();
                }
            }
            message.submitted(Instant.now());
            LOG.fine(() -> String.format("Message %d to %s acknowledged by the SMSC (%d parts)",
                    messageId, message.getDestination(), message.getSegments()));
        } catch (SubmitFailedException e) {
            failed(message, e, text);
        }
    }

    /**
     * Counts an attempt that threw (a fault on our side, not an SMSC's answer) as a temporary
     * failure, so that a message that always fails that way ends in {@code ABORT} with its error
     * email instead of being queued again for ever. In its own transaction: the attempt's was undone.
     */
    public void failedUnexpectedly(long messageId, String reason) {
        SmsMessage message = lockIfPending(messageId);
        if (message == null) {
            return;
        }
        message.countAttempt();
        failed(message, new SubmitFailedException("Unexpected failure in the gateway: " + reason, false, null),
                cipher.tryDecrypt(message.getContent()).orElse(null));
    }

    /**
     * Locked: the same id may be on the queue twice (the sweep re-queues overdue messages), and the
     * second delivery must wait for the first and then find it no longer pending. Null then.
     */
    private SmsMessage lockIfPending(long messageId) {
        SmsMessage message = em.find(SmsMessage.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || message.getStatus() != MessageStatus.PENDING) {
            LOG.fine(() -> "message " + messageId + " is not pending; nothing to deliver");
            return null;
        }
        return message;
    }

    private void failed(SmsMessage message, SubmitFailedException e, String text) {
        statistics.failedAttempt();
        if (e.isThrottled()) {
            message.throttled(e.getMessage(), Instant.now().plus(retries.throttledInterval()));
            LOG.fine(() -> String.format("Message %d throttled by the SMSC, again in %s: %s", message.getId(),
                    retries.throttledInterval(), e.getMessage()));
        } else if (e.isPermanent()) {
            abort(message, e.getMessage(), text);
        } else if (message.getAttempts() >= retries.maxAttempts()) {
            abort(message, "Gave up after " + message.getAttempts() + " attempts; last: " + e.getMessage(), text);
        } else {
            message.failedTemporarily(e.getMessage(), Instant.now().plus(retries.interval()));
            LOG.info(() -> String.format("Message %d attempt %d failed, retry in %s: %s", message.getId(),
                    message.getAttempts(), retries.interval(), e.getMessage()));
        }
    }

    /**
     * ABORT, and the error email the sender is promised, in the same transaction.
     * {@code text} is the SMS text, quoted in the email; null when it cannot be read.
     */
    private void abort(SmsMessage message, String reason, String text) {
        message.aborted(reason);
        statistics.aborted();
        LOG.warning(() -> String.format("Message %d aborted: %s", message.getId(), reason));
        outbox.queue(message.getUser().getEmail(),
                "SMS to " + message.getDestination() + " could not be delivered",
                String.format("""
                        Your SMS to %s (message %d, sent %s) could not be delivered to the carrier and was \
                        given up (status ABORT).

                        Reason: %s

                        Your text:
                        %s
                        """, message.getDestination(), message.getId(), message.getCreatedAt().toInstant(), reason,
                        text == null ? "(cannot be shown)" : SmsMessage.readable(text)),
                MailThreading.aboutSms(message.getId(), "aborted"));
    }
}

package org.emailsms.gateway.message.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.emailsms.gateway.message.control.OutcomeLog;
import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;

/** The status of one message as the add-in polls it. */
public record MessageReport(long id, String destination, String senderNumber, MessageStatus status, int segments,
                            int attempts, OffsetDateTime createdAt, OffsetDateTime scheduledAt,
                            OffsetDateTime submittedAt, OffsetDateTime nextAttemptAt, String lastError,
                            MessageSource source) {

    /** The same, as an attempt left it that the database does not have yet. */
    MessageReport after(OutcomeLog.Attempted attempt) {
        return new MessageReport(id, destination, senderNumber, attempt.status(), segments, attempt.attempts(),
                createdAt, scheduledAt, attempt.submittedAt() != null ? utc(attempt.submittedAt()) : submittedAt,
                attempt.nextAttemptAt() != null ? utc(attempt.nextAttemptAt()) : null, attempt.lastError(), source);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static MessageReport of(SmsMessage m) {
        return new MessageReport(m.getId(), m.getDestination(), m.getSenderNumber(), m.getStatus(), m.getSegments(),
                m.getAttempts(), m.getCreatedAt(), m.getScheduledAt(), m.getSubmittedAt(), m.getNextAttemptAt(),
                m.getLastError(), m.getSource());
    }
}

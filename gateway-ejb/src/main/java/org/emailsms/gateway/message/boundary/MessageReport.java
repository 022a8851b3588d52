package org.emailsms.gateway.message.boundary;

import java.time.OffsetDateTime;

import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.message.entity.SmsMessage;

/** The status of one message as the add-in polls it. */
public record MessageReport(long id, String destination, String senderNumber, MessageStatus status, int segments,
                            int attempts, OffsetDateTime createdAt, OffsetDateTime scheduledAt,
                            OffsetDateTime submittedAt, OffsetDateTime nextAttemptAt, String lastError,
                            MessageSource source) {

    static MessageReport of(SmsMessage m) {
        return new MessageReport(m.getId(), m.getDestination(), m.getSenderNumber(), m.getStatus(), m.getSegments(),
                m.getAttempts(), m.getCreatedAt(), m.getScheduledAt(), m.getSubmittedAt(), m.getNextAttemptAt(),
                m.getLastError(), m.getSource());
    }
}

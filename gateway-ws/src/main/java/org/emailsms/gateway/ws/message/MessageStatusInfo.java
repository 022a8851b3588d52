package org.emailsms.gateway.ws.message;

import java.time.OffsetDateTime;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.message.boundary.MessageReport;

/** The status of one message; times are ISO-8601 instants in UTC. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "MessageStatus", propOrder = {"messageId", "destination", "senderNumber", "status", "segments",
        "attempts", "createdAt", "scheduledAt", "submittedAt", "nextAttemptAt", "lastError", "source"})
public class MessageStatusInfo {

    private long messageId;
    private String destination;
    private String senderNumber;
    private String status;
    private int segments;
    private int attempts;
    private String createdAt;
    private String scheduledAt;
    private String submittedAt;
    private String nextAttemptAt;
    private String lastError;
    /** Where the message came from: addIn, or an Outlook sourceType such as reminder or calSummary. */
    private String source;

    public MessageStatusInfo() {
    }

    static MessageStatusInfo of(MessageReport report) {
        MessageStatusInfo info = new MessageStatusInfo();
        info.messageId = report.id();
        info.destination = report.destination();
        info.senderNumber = report.senderNumber();
        info.status = report.status().name();
        info.segments = report.segments();
        info.attempts = report.attempts();
        info.createdAt = instant(report.createdAt());
        info.scheduledAt = instant(report.scheduledAt());
        info.submittedAt = instant(report.submittedAt());
        info.nextAttemptAt = instant(report.nextAttemptAt());
        info.lastError = report.lastError();
        info.source = report.source().omsName();
        return info;
    }

    private static String instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}

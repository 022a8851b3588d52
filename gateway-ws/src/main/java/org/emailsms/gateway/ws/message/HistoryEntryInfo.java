package org.emailsms.gateway.ws.message;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.history.boundary.HistoryEntry;

/**
 * One line of the user's activity: {@code kind} MESSAGE (a message as it stands now; it comes again
 * when its status changes) or REPLY. Times are ISO-8601 instants in UTC.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "HistoryEntry", propOrder = {"kind", "at", "id", "messageId", "number", "contactName", "text",
        "source", "status", "createdAt", "submittedAt", "lastError"})
public class HistoryEntryInfo {

    private String kind;
    private String at;
    private long id;
    private Long messageId;
    private String number;
    private String contactName;
    private String text;
    private String source;
    private String status;
    private String createdAt;
    private String submittedAt;
    private String lastError;

    public HistoryEntryInfo() {
    }

    static HistoryEntryInfo of(HistoryEntry entry) {
        HistoryEntryInfo info = new HistoryEntryInfo();
        info.kind = entry.kind().name();
        info.at = entry.at().toString();
        info.id = entry.id();
        info.messageId = entry.messageId();
        info.number = entry.number();
        info.contactName = entry.contactName();
        info.text = entry.text();
        info.source = entry.source();
        info.status = entry.status();
        info.createdAt = entry.createdAt() == null ? null : entry.createdAt().toString();
        info.submittedAt = entry.submittedAt() == null ? null : entry.submittedAt().toString();
        info.lastError = entry.lastError();
        return info;
    }
}

package org.emailsms.gateway.report.boundary;

import java.time.OffsetDateTime;

/** One line of the transaction report: one message to one recipient. */
public record TransactionRow(long messageId, OffsetDateTime createdAt, String username, String department,
                             String destination, String contactName, int segments, String status, int attempts,
                             String lastError, String source) {
}

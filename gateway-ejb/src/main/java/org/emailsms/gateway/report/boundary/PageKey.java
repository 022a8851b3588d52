package org.emailsms.gateway.report.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** Where a page of the transaction list starts: a row's time and id, in the list's order (newest first). */
public record PageKey(OffsetDateTime createdAt, long messageId) implements Serializable {

    public static PageKey of(TransactionRow row) {
        return new PageKey(row.createdAt(), row.messageId());
    }
}

package org.emailsms.gateway.account.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** Where a bulk upload of users stands: rows created, refused, and still to do. */
public record UserImportProgress(long id, String fileName, String actor, OffsetDateTime startedAt,
        OffsetDateTime finishedAt, int total, long created, long refused) implements Serializable {

    public boolean isFinished() {
        return finishedAt != null;
    }

    public long done() {
        return created + refused;
    }

    public int percent() {
        return total == 0 ? 100 : (int) (100 * done() / total);
    }
}

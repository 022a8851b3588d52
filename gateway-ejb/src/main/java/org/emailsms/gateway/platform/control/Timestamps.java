package org.emailsms.gateway.platform.control;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A TIMESTAMP WITH TIME ZONE column as a native query returns it: H2 gives an OffsetDateTime, the
 * PostgreSQL driver a java.sql.Timestamp. Either way the instant is the same.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static OffsetDateTime utc(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + column.getClass().getName());
    }
}

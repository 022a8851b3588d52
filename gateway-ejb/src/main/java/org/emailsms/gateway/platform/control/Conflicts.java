package org.emailsms.gateway.platform.control;

import java.sql.SQLException;

/** Recognises what the database says when two transactions created the same key at once. */
public final class Conflicts {

    /** SQL:2011 "integrity constraint violation: unique"; H2 and PostgreSQL both use it. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Conflicts() {
    }

    /** Whether {@code failure}, or anything that caused it, is a unique-key violation. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A batch that failed may name the statement's own failure only as its next exception.
            for (SQLException sql = t instanceof SQLException first ? first : null; sql != null; sql = sql.getNextException()) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.emailsms.gateway.history.boundary;

import java.time.Instant;

/**
 * One line of a user's activity, for a client's log: a message as it now stands ({@code MESSAGE}:
 * it comes again each time its status changes) or a reply to one ({@code REPLY}).
 *
 * @param at          when the message's status last changed, or when the reply came
 * @param id          the message's id, or the reply's
 * @param messageId   the message; for a reply, the message it answers (null when none is known)
 * @param number      the recipient's number, or the handset that replied
 * @param contactName the recipient's name as the sender wrote it (messages only; null if none)
 * @param source      where the message came from (messages only)
 * @param status      the message's status (messages only)
 */
public record HistoryEntry(Kind kind, Instant at, long id, Long messageId, String number, String contactName,
                           String text, String source, String status, Instant createdAt, Instant submittedAt,
                           String lastError) {

    public enum Kind { MESSAGE, REPLY }
}

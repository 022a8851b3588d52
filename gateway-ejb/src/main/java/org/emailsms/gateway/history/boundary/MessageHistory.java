package org.emailsms.gateway.history.boundary;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.ActivationService;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.inbound.entity.SmsReply;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.control.ContentCipher;

/**
 * A user's own activity for the client's log, as a feed: each message whenever its status changed
 * and each reply when it came, oldest first. Ordered by time and then id (messages and replies draw
 * their ids from one sequence, so no two lines share both), which is also the cursor a page ends at.
 * Only what is still online is there: rows the retention has removed are not.
 *
 * <p>A change is stamped before its transaction commits, so one stamped earlier can commit after one
 * stamped later; a page therefore ends {@code gateway.history.settle-time} (10 seconds) before now,
 * and a client that asks again from its cursor misses nothing.
 */
@Stateless
public class MessageHistory {

    static final int MAX_PAGE = 500;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,19})\\.(\\d{1,19})");

    @PersistenceContext
    EntityManager em;

    @EJB
    ActivationService activations;

    @Inject
    ContentCipher cipher;

    @Inject
    @ConfigProperty(name = "gateway.history.settle-time", defaultValue = "PT10S")
    Duration settleTime;

    /**
     * @param since the {@code next} of the page before, an ISO-8601 instant, or null or empty for
     *              the beginning
     */
    public HistoryPage page(String serial, String since, int max)
            throws AuthenticationFailedException, AccountDisabledException, InvalidRequestException {
        // The sender's row alone (one statement): the queries need only who asks.
        User user = em.getReference(User.class, activations.senderOf(serial).userId());
        if (max < 1 || max > MAX_PAGE) {
            throw new InvalidRequestException("Ask for 1 to " + MAX_PAGE + " history entries at a time.");
        }
        Position after = Position.of(since);
        OffsetDateTime at = after.at().atOffset(ZoneOffset.UTC);
        OffsetDateTime settled = OffsetDateTime.now(ZoneOffset.UTC).minus(settleTime);
        List<HistoryEntry> entries = new ArrayList<>();
        em.createNamedQuery("SmsMessage.changedSince", SmsMessage.class).setParameter("user", user)
                .setParameter("settled", settled).setParameter("at", at).setParameter("id", after.id())
                .setMaxResults(max + 1).getResultStream().map(this::entry).forEach(entries::add);
        em.createNamedQuery("SmsReply.receivedSince", SmsReply.class).setParameter("user", user)
                .setParameter("settled", settled).setParameter("at", at).setParameter("id", after.id())
                .setMaxResults(max + 1).getResultStream().map(this::entry).forEach(entries::add);
        entries.sort(Comparator.comparing(HistoryEntry::at).thenComparingLong(HistoryEntry::id));
        boolean more = entries.size() > max;
        List<HistoryEntry> page = more ? List.copyOf(entries.subList(0, max)) : List.copyOf(entries);
        Position end = page.isEmpty() ? after : new Position(page.get(page.size() - 1).at(), page.get(page.size() - 1).id());
        return new HistoryPage(page, end.cursor(), more);
    }

    private HistoryEntry entry(SmsMessage message) {
        return new HistoryEntry(HistoryEntry.Kind.MESSAGE, micros(message.getChangedAt()), message.getId(),
                message.getId(), message.getDestination(), message.getContactName(),
                SmsMessage.readable(cipher.decrypt(message.getContent())), message.getSource().name(),
                message.getStatus().name(), micros(message.getCreatedAt()), micros(message.getSubmittedAt()),
                message.getLastError());
    }

    private HistoryEntry entry(SmsReply reply) {
        return new HistoryEntry(HistoryEntry.Kind.REPLY, micros(reply.getReceivedAt()), reply.getId(),
                reply.getAnswered() == null ? null : reply.getAnswered().getId(), reply.getHandset(), null,
                cipher.decrypt(reply.getContent()), null, null, null, null, null);
    }

    // The databases keep microseconds: a cursor finer than the rows would skip rows of the same microsecond.
    private static Instant micros(OffsetDateTime at) {
        return at == null ? null : at.toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Where a page ends: a time in microseconds since the epoch, and the id of the last line at it. */
    record Position(Instant at, long id) {

        static Position of(String since) throws InvalidRequestException {
            if (since == null || since.isBlank()) {
                return new Position(Instant.EPOCH, 0);
            }
            Matcher cursor = CURSOR.matcher(since.strip());
            if (cursor.matches()) {
                try {
                    return new Position(Instant.EPOCH.plus(Long.parseLong(cursor.group(1)), ChronoUnit.MICROS),
                            Long.parseLong(cursor.group(2)));
                } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
                    // falls through to the refusal below
                }
            } else {
                try {
                    // From an instant on: everything at or after it.
                    return new Position(Instant.parse(since.strip()).truncatedTo(ChronoUnit.MICROS).minus(1, ChronoUnit.MICROS),
                            Long.MAX_VALUE);
                } catch (DateTimeParseException e) {
                    // falls through to the refusal below
                }
            }
            throw new InvalidRequestException("'" + since + "' is neither the 'next' of an earlier history page nor an "
                    + "ISO-8601 instant such as 2026-12-01T09:00:00Z.");
        }

        String cursor() {
            return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "." + id;
        }
    }
}

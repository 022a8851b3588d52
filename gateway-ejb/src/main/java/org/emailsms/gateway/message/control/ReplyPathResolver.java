package org.emailsms.gateway.message.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.control.SenderNumbers;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.control.Timestamps;

/**
 * Chooses the sender number so that the recipient's reply finds its way back to the sender, and
 * never to another company. For each (recipient, sender number) pair one user at a time owns the
 * conversation, and the pair belongs to that user's company while it is live: for
 * {@code gateway.sender.conversation-lifetime} (30 days) since its last use. Candidates are the
 * company's own numbers, then the shared pool ({@code gateway.sender.pool}, less any number given
 * to a company). Take a pair this user owns already, else a free one, else an expired one or one of
 * this company's, least recently used first. When none is left the message still goes, from the
 * one-way sender {@code gateway.sender.one-way}, and the send result says replies cannot come back.
 *
 * <p>Native SQL: {@code reply_path} has a composite key, and the take-over must be one conditional
 * UPDATE so that two companies racing for an expired pair cannot both win it.
 */
@Dependent
public class ReplyPathResolver {

    private static final Logger LOG = Logger.getLogger(ReplyPathResolver.class.getName());

    /** The number a message goes out from, and whether a reply to it reaches the sender. */
    public record ReplyPath(String senderNumber, boolean routable) {
    }

    private record Pair(String number, long userId, Long companyId, OffsetDateTime lastUsedAt) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SenderNumbers senderNumbers;

    @Inject
    ReplyPathStatistics statistics;

    @Inject
    @ConfigProperty(name = "gateway.sender.pool")
    List<String> pool;

    @Inject
    @ConfigProperty(name = "gateway.sender.conversation-lifetime")
    Duration lifetime;

    @Inject
    @ConfigProperty(name = "gateway.sender.one-way")
    String oneWay;

    /** The numbers this company's messages may go out from, its own first; once per send. */
    public List<String> candidatesFor(Company company) {
        return candidatesFor(company.getId(), assignedNumbers());
    }

    /** Which company owns which sender number; read once for a group of sends stored together. */
    public Map<String, Long> assignedNumbers() {
        return senderNumbers.assigned();
    }

    /** {@code assigned} is what {@link #assignedNumbers()} said in this transaction. */
    public List<String> candidatesFor(long company, Map<String, Long> assigned) {
        List<String> candidates = new ArrayList<>();
        assigned.forEach((number, owner) -> {
            if (owner == company) {
                candidates.add(number);
            }
        });
        pool.stream().filter(number -> !assigned.containsKey(number)).forEach(candidates::add);
        return candidates;
    }

    public ReplyPath senderNumberFor(User user, String recipient, List<String> candidates) {
        return senderNumbersFor(user.getId(), user.getCompany().getId(), List.of(recipient), candidates).get(0);
    }

    /**
     * The reply path of each recipient, in order: the pairs of all of them read in one query, then
     * one write each. A recipient named twice gets its pair once and the same path again.
     */
    public List<ReplyPath> senderNumbersFor(long user, long company, List<String> recipients, List<String> candidates) {
        Map<String, Map<String, Pair>> pairs = pairsOf(recipients);
        Map<String, ReplyPath> chosen = new HashMap<>();
        List<ReplyPath> paths = new ArrayList<>(recipients.size());
        for (String recipient : recipients) {
            paths.add(chosen.computeIfAbsent(recipient,
                    r -> choose(user, company, r, candidates, pairs.getOrDefault(r, Map.of()))));
        }
        return paths;
    }

    private ReplyPath choose(long user, long company, String recipient, List<String> candidates, Map<String, Pair> pairs) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (String number : candidates) {
            Pair pair = pairs.get(number);
            if (pair != null && pair.userId() == user) {
                takeOver(recipient, number, user, company, now, null);
                return new ReplyPath(number, true);
            }
        }
        for (String number : candidates) {
            if (!pairs.containsKey(number)) {
                em.createNativeQuery("""
                                INSERT INTO reply_path (recipient, sender_number, user_id, company_id, last_used_at)
                                VALUES (?1, ?2, ?3, ?4, ?5)""")
                        .setParameter(1, recipient).setParameter(2, number).setParameter(3, user)
                        .setParameter(4, company).setParameter(5, now).executeUpdate();
                return new ReplyPath(number, true);
            }
        }
        OffsetDateTime expiredBefore = now.minus(lifetime);
        List<Pair> free = candidates.stream().map(pairs::get)
                .filter(pair -> pair.lastUsedAt().isBefore(expiredBefore) || Long.valueOf(company).equals(pair.companyId()))
                .sorted(Comparator.comparing(Pair::lastUsedAt))
                .toList();
        for (Pair pair : free) {
            if (takeOver(recipient, pair.number(), user, company, now, expiredBefore)) {
                return new ReplyPath(pair.number(), true);
            }
        }
        statistics.noReplyPath();
        LOG.info(() -> String.format("No reply path to %s for user %d: every sender number is in another company's "
                + "live conversation; sent one-way from %s", recipient, user, oneWay));
        return new ReplyPath(oneWay, false);
    }

    /** Every recipient's pairs, by recipient and sender number; in one query per 500 recipients. */
    private Map<String, Map<String, Pair>> pairsOf(List<String> recipients) {
        Map<String, Map<String, Pair>> pairs = new HashMap<>();
        List<String> distinct = recipients.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<String> some = distinct.subList(from, Math.min(distinct.size(), from + 500));
            // Recipients are E.164 numbers the destination check produced; bound as parameters all the same.
            String marks = String.join(", ", Collections.nCopies(some.size(), "?"));
            Query query = em.createNativeQuery("SELECT recipient, sender_number, user_id, company_id, last_used_at "
                    + "FROM reply_path WHERE recipient IN (" + marks + ")");
            for (int i = 0; i < some.size(); i++) {
                query.setParameter(i + 1, some.get(i));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            for (Object[] row : rows) {
                pairs.computeIfAbsent((String) row[0], r -> new HashMap<>()).put((String) row[1],
                        new Pair((String) row[1], ((Number) row[2]).longValue(),
                                row[3] == null ? null : ((Number) row[3]).longValue(), Timestamps.utc(row[4])));
            }
        }
        return pairs;
    }

    /** Unconditional when {@code expiredBefore} is null (the pair is the user's own already). */
    private boolean takeOver(String recipient, String number, long userId, long company, OffsetDateTime now,
                             OffsetDateTime expiredBefore) {
        String only = expiredBefore == null ? "" : " AND (company_id = ?6 OR last_used_at < ?7)";
        Query update = em.createNativeQuery("UPDATE reply_path SET user_id = ?1, company_id = ?2, last_used_at = ?3 "
                        + "WHERE recipient = ?4 AND sender_number = ?5" + only)
                .setParameter(1, userId).setParameter(2, company).setParameter(3, now)
                .setParameter(4, recipient).setParameter(5, number);
        if (expiredBefore != null) {
            update.setParameter(6, company).setParameter(7, expiredBefore);
        }
        return update.executeUpdate() == 1;
    }
}

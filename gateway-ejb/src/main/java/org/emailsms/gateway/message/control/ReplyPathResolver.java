package org.emailsms.gateway.message.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.account.control.SenderNumbers;
import org.emailsms.gateway.platform.control.CarrierNames;

/**
 * Chooses the sender number so that the recipient's reply finds its way back to the sender, and
 * never to another company. For each (recipient, sender number) pair one user at a time owns the
 * conversation, and the pair belongs to that user's company while it is live: for
 * {@code gateway.sender.conversation-lifetime} (30 days) since its last use. Candidates are the
 * company's own numbers, then the shared pool ({@code gateway.sender.pool}, less any number given
 * to a company). Where carriers have sender numbers of their own
 * ({@code gateway.carrier.<name>.sender-numbers}, in the pool as well; the pool's other numbers are
 * the default carrier's), a message's candidates are only those of the carriers on its route: a
 * number's replies come through its carrier, so the pair must be one that carrier can deliver to. Take a pair this user owns already, else a free one, else an expired one or one of
 * this company's, least recently used first. When none is left the message still goes, from the
 * one-way sender {@code gateway.sender.one-way}, and the send result says replies cannot come back.
 *
 * <p>Plain JDBC on the transaction's connection: {@code reply_path} has a composite key, the pairs of
 * a group of requests are read and written in a few statements, and the take-over must be one
 * conditional UPDATE so that two companies racing for an expired pair cannot both win it.
 */
@Dependent
public class ReplyPathResolver {

    private static final Logger LOG = Logger.getLogger(ReplyPathResolver.class.getName());

    /** The number a message goes out from, and whether a reply to it reaches the sender. */
    public record ReplyPath(String senderNumber, boolean routable) {
    }

    private record Pair(String recipient, String number, long userId, Long companyId, OffsetDateTime lastUsedAt) {
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

    @Inject
    Config config;

    @Inject
    CarrierNames carriers;

    /** The carrier of each pool number, where some carrier has numbers of its own; empty otherwise (any number, any route). */
    Map<String, String> carrierOfNumber = Map.of();

    /** The one-way senders of the carriers that have their own ({@code gateway.carrier.<name>.one-way}). */
    Map<String, String> oneWayOfCarrier = Map.of();

    @PostConstruct
    void carriersNumbers() {
        Map<String, String> oneWays = new HashMap<>();
        for (String carrier : carriers.configured()) {
            config.getOptionalValue("gateway.carrier." + carrier + ".one-way", String.class).map(String::strip)
                    .filter(sender -> !sender.isEmpty()).ifPresent(sender -> oneWays.put(carrier, sender));
        }
        oneWayOfCarrier = Map.copyOf(oneWays);
        Map<String, String> owned = new LinkedHashMap<>();
        for (String carrier : carriers.configured()) {
            config.getOptionalValues("gateway.carrier." + carrier + ".sender-numbers", String.class).orElse(List.of())
                    .stream().map(String::strip).filter(n -> !n.isEmpty()).forEach(number -> owned.put(number, carrier));
        }
        if (owned.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(pool);
        owned.keySet().stream().filter(number -> !all.contains(number)).forEach(all::add);
        all.forEach(number -> owned.putIfAbsent(number, CarrierNames.DEFAULT));
        pool = List.copyOf(all);
        carrierOfNumber = Map.copyOf(owned);
    }

    /** Which company owns which sender number; read once for a group of sends stored together. */
    public Map<String, Long> assignedNumbers() {
        return senderNumbers.assigned();
    }

    /**
     * The numbers this company's messages through {@code route} (empty: the default carrier) may go
     * out from, its own first, then those of the pool that belong to a carrier of the route;
     * {@code assigned} is what {@link #assignedNumbers()} said in this transaction.
     */
    public List<String> candidatesFor(long company, Map<String, Long> assigned, List<String> route) {
        List<String> candidates = new ArrayList<>();
        assigned.forEach((number, owner) -> {
            if (owner == company) {
                candidates.add(number);
            }
        });
        List<String> through = carrierOfNumber.isEmpty() ? null : route.isEmpty() ? List.of(CarrierNames.DEFAULT) : route;
        pool.stream().filter(number -> !assigned.containsKey(number))
                .filter(number -> through == null || through.contains(carrierOfNumber.get(number)))
                .forEach(candidates::add);
        return candidates;
    }

    /**
     * The sender a message through {@code route} goes out from when no number can carry its replies
     * back: its first carrier's own one-way sender, else {@code gateway.sender.one-way}.
     */
    public ReplyPath oneWay(List<String> route) {
        String first = route.isEmpty() ? CarrierNames.DEFAULT : route.get(0);
        return new ReplyPath(oneWayOfCarrier.getOrDefault(first, oneWay), false);
    }

    /**
     * The conversations of {@code recipients} (those of a group of requests stored in one
     * transaction), read in one query, to choose their reply paths with
     * {@link Conversations#senderNumbersFor} and write them with {@link Conversations#write()}.
     */
    public Conversations conversations(Collection<String> recipients) {
        Conversations conversations = new Conversations(em.unwrap(Connection.class));
        conversations.read(recipients);
        return conversations;
    }

    /**
     * The reply paths of the requests of one transaction: every pair they may use read at once, what
     * they choose kept here so that a later request sees an earlier one's choice, and new and reused
     * pairs written in two JDBC batches at the end (a statement per recipient before). Only taking
     * over another user's pair is written at once: it is a conditional update whose outcome decides.
     */
    public final class Conversations {

        private final Connection connection;
        /** By recipient, then sender number; what this transaction has chosen included. */
        private final Map<String, Map<String, Pair>> pairs = new HashMap<>();
        private final Map<List<String>, Pair> inserts = new LinkedHashMap<>();
        private final Map<List<String>, Pair> updates = new LinkedHashMap<>();

        private Conversations(Connection connection) {
            this.connection = connection;
        }

        /**
         * The reply path of each recipient of one request, in order. A recipient named twice gets
         * its pair once and the same path again.
         */
        public List<ReplyPath> senderNumbersFor(long user, long company, List<String> recipients, List<String> candidates) {
            read(recipients.stream().filter(recipient -> !pairs.containsKey(recipient)).toList());
            Map<String, ReplyPath> chosen = new HashMap<>();
            List<ReplyPath> paths = new ArrayList<>(recipients.size());
            for (String recipient : recipients) {
                paths.add(chosen.computeIfAbsent(recipient, r -> choose(user, company, r, candidates)));
            }
            return paths;
        }

        /** Writes what was chosen and not yet written; before the transaction commits. */
        public void write() {
            try {
                execute("INSERT INTO reply_path (user_id, company_id, last_used_at, recipient, sender_number) "
                        + "VALUES (?, ?, ?, ?, ?)", inserts);
                execute("UPDATE reply_path SET user_id = ?, company_id = ?, last_used_at = ? "
                        + "WHERE recipient = ? AND sender_number = ?", updates);
            } catch (SQLException e) {
                throw new PersistenceException("cannot write reply paths: " + e.getMessage(), e);
            }
        }

        private void execute(String sql, Map<List<String>, Pair> writes) throws SQLException {
            if (writes.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Pair pair : writes.values()) {
                    statement.setLong(1, pair.userId());
                    statement.setLong(2, pair.companyId());
                    statement.setObject(3, pair.lastUsedAt());
                    statement.setString(4, pair.recipient());
                    statement.setString(5, pair.number());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            writes.clear();
        }

        private ReplyPath choose(long user, long company, String recipient, List<String> candidates) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Map<String, Pair> known = pairs.computeIfAbsent(recipient, r -> new HashMap<>());
            for (String number : candidates) {
                Pair pair = known.get(number);
                if (pair != null && pair.userId() == user) {
                    Pair used = new Pair(recipient, number, user, company, now);
                    known.put(number, used);
                    List<String> key = List.of(recipient, number);
                    if (inserts.containsKey(key)) {
                        inserts.put(key, used);
                    } else {
                        updates.put(key, used);
                    }
                    return new ReplyPath(number, true);
                }
            }
            for (String number : candidates) {
                if (!known.containsKey(number)) {
                    Pair created = new Pair(recipient, number, user, company, now);
                    known.put(number, created);
                    inserts.put(List.of(recipient, number), created);
                    return new ReplyPath(number, true);
                }
            }
            OffsetDateTime expiredBefore = now.minus(lifetime);
            List<Pair> free = candidates.stream().map(known::get)
                    .filter(pair -> pair.lastUsedAt().isBefore(expiredBefore) || Long.valueOf(company).equals(pair.companyId()))
                    .sorted(Comparator.comparing(Pair::lastUsedAt))
                    .toList();
            if (!free.isEmpty()) {
                // The conditional take-over reads the rows as written: what this transaction chose goes first.
                write();
            }
            for (Pair pair : free) {
                if (takeOver(recipient, pair.number(), user, company, now, expiredBefore)) {
                    known.put(pair.number(), new Pair(recipient, pair.number(), user, company, now));
                    return new ReplyPath(pair.number(), true);
                }
            }
            statistics.noReplyPath();
            LOG.info(() -> String.format("No reply path to %s for user %d: every sender number is in another company's "
                    + "live conversation; sent one-way from %s", recipient, user, oneWay));
            return new ReplyPath(oneWay, false);
        }

        private void read(Collection<String> recipients) {
            Object[] distinct = recipients.stream().distinct().toArray();
            if (distinct.length == 0) {
                return;
            }
            for (Object recipient : distinct) {
                pairs.putIfAbsent((String) recipient, new HashMap<>());
            }
            // One array parameter: the same statement text for any number of recipients, kept parsed by the pool.
            try (PreparedStatement select = connection.prepareStatement("SELECT recipient, sender_number, user_id, "
                    + "company_id, last_used_at FROM reply_path WHERE recipient = ANY(?)")) {
                Array array = connection.createArrayOf("VARCHAR", distinct);
                select.setArray(1, array);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long companyId = rows.getLong(4);
                        Pair pair = new Pair(rows.getString(1), rows.getString(2), rows.getLong(3),
                                rows.wasNull() ? null : companyId, rows.getObject(5, OffsetDateTime.class));
                        pairs.get(pair.recipient()).put(pair.number(), pair);
                    }
                }
                array.free();
            } catch (SQLException e) {
                throw new PersistenceException("cannot read reply paths: " + e.getMessage(), e);
            }
        }

        /** Only if the pair is this company's or has expired: two companies racing for it cannot both win. */
        private boolean takeOver(String recipient, String number, long userId, long company, OffsetDateTime now,
                                 OffsetDateTime expiredBefore) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE reply_path SET user_id = ?, "
                    + "company_id = ?, last_used_at = ? WHERE recipient = ? AND sender_number = ? "
                    + "AND (company_id = ? OR last_used_at < ?)")) {
                update.setLong(1, userId);
                update.setLong(2, company);
                update.setObject(3, now);
                update.setString(4, recipient);
                update.setString(5, number);
                update.setLong(6, company);
                update.setObject(7, expiredBefore);
                return update.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new PersistenceException("cannot take over a reply path: " + e.getMessage(), e);
            }
        }
    }
}

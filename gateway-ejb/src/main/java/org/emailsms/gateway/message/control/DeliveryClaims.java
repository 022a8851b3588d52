package org.emailsms.gateway.message.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.emailsms.gateway.message.boundary.Delivery;
import org.emailsms.gateway.message.entity.SmsMessage;

/**
 * Claims due messages for a node's delivery pipeline, a batch in one transaction: pending messages
 * held by no node or by one whose lease has lapsed (interactive ones first, then the oldest), failed ones whose retry time has
 * come and scheduled ones whose send time has. A claim is a conditional update, so of several nodes
 * claiming at once each message goes to one. A claim lasts while its node's lease does: every node
 * writes a heartbeat (here with every claim, and every sweep interval), and the messages of a node
 * not heard from within the lease (it died) are claimed again by whoever comes next. Plain JDBC on
 * the transaction's connection: a batch is a handful of statements, not an entity load per message.
 */
@Dependent
public class DeliveryClaims {

    /** Heartbeats of nodes gone this long are forgotten. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    // A node whose heartbeat is missing is not taken for dead: a new node writes its row in the
    // transaction of its first claim, which another node claiming at the same time cannot see yet.
    private static final String CLAIMABLE_PENDING = "status = 'PENDING' AND (claimed_by IS NULL OR claimed_by = ANY(?))";

    @PersistenceContext
    EntityManager em;

    /** Outside the container, on a transaction the caller runs. */
    public static DeliveryClaims on(EntityManager em) {
        DeliveryClaims claims = new DeliveryClaims();
        claims.em = em;
        return claims;
    }

    /** Up to {@code max} due messages, now held by {@code claimant}; its heartbeat written first. */
    @Transactional
    public List<Delivery> claim(String claimant, int max, Instant now, Duration lease) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Connection connection = em.unwrap(Connection.class);
        try {
            beat(connection, claimant, at);
            Array lapsed = connection.createArrayOf("VARCHAR", lapsedClaimants(connection, at.minus(lease)).toArray());
            Set<Long> candidates = new LinkedHashSet<>(ids(connection, "SELECT id FROM sms_message WHERE "
                    + CLAIMABLE_PENDING + " ORDER BY priority, id", lapsed, max));
            if (candidates.size() < max) {
                candidates.addAll(ids(connection, "SELECT id FROM sms_message WHERE status = 'FAIL' "
                        + "AND next_attempt_at <= ? ORDER BY next_attempt_at, id", at, max - candidates.size()));
            }
            if (candidates.size() < max) {
                candidates.addAll(ids(connection, "SELECT id FROM sms_message WHERE status = 'SCHEDULED' "
                        + "AND scheduled_at <= ? ORDER BY scheduled_at, id", at, max - candidates.size()));
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            // One array parameter, not a list written into the statement: the same statement text each
            // time, so the connection pool's statement cache keeps it parsed.
            Array ids = connection.createArrayOf("BIGINT", candidates.toArray());
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE sms_message SET changed_at = CASE WHEN status = 'PENDING' THEN changed_at ELSE ? END,
                    status = 'PENDING', claimed_by = ?, next_attempt_at = NULL, version = version + 1
                    WHERE id = ANY(?) AND (%s OR status = 'FAIL' AND next_attempt_at <= ?
                                           OR status = 'SCHEDULED' AND scheduled_at <= ?)""".formatted(CLAIMABLE_PENDING))) {
                update.setObject(1, at);
                update.setString(2, claimant);
                update.setArray(3, ids);
                update.setArray(4, lapsed);
                update.setObject(5, at);
                update.setObject(6, at);
                if (update.executeUpdate() == 0) {
                    return List.of();
                }
            }
            return claimed(connection, claimant, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim messages for delivery: " + e.getMessage(), e);
        }
    }

    /** Writes {@code claimant}'s heartbeat: what it holds stays its own for a lease from {@code now}. */
    @Transactional
    public void beat(String claimant, Instant now) {
        try {
            beat(em.unwrap(Connection.class), claimant, now.atOffset(ZoneOffset.UTC));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the heartbeat of " + claimant + ": " + e.getMessage(), e);
        }
    }

    /** A node that stops: its heartbeat goes, after its claims were given back. */
    @Transactional
    public void withdraw(String claimant) {
        em.createNativeQuery("DELETE FROM delivery_node WHERE claimant = ?1").setParameter(1, claimant).executeUpdate();
    }

    /**
     * Gives back what {@code claimant} holds and has not delivered (a node stopping), so that it
     * goes at once instead of when the claims run out. Returns how many.
     */
    @Transactional
    public int release(String claimant) {
        return em.createNativeQuery("""
                        UPDATE sms_message SET claimed_by = NULL, next_attempt_at = NULL, version = version + 1
                        WHERE claimed_by = ?1 AND status = 'PENDING'""")
                .setParameter(1, claimant).executeUpdate();
    }

    private static List<Long> ids(Connection connection, String query, Object parameter, int max) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            if (parameter instanceof Array array) {
                select.setArray(1, array);
            } else {
                select.setObject(1, parameter);
            }
            select.setMaxRows(max);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next() && ids.size() < max) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void beat(Connection connection, String claimant, OffsetDateTime at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE delivery_node SET heartbeat_at = ? WHERE claimant = ?")) {
            update.setObject(1, at);
            update.setString(2, claimant);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        // Only the node itself writes its row: no other insert can race this one. A new lease is
        // rare (a start, or a lapse), so that is when nodes long gone are forgotten, what they still
        // held given back first: a message whose holder has no heartbeat is never taken over.
        OffsetDateTime forgotten = at.minus(FORGET_AFTER);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO delivery_node (claimant, heartbeat_at) VALUES (?, ?)");
             PreparedStatement giveBack = connection.prepareStatement("UPDATE sms_message SET claimed_by = NULL, "
                     + "version = version + 1 WHERE status = 'PENDING' AND claimed_by IN "
                     + "(SELECT claimant FROM delivery_node WHERE heartbeat_at < ?)");
             PreparedStatement forget = connection.prepareStatement("DELETE FROM delivery_node WHERE heartbeat_at < ?")) {
            insert.setString(1, claimant);
            insert.setObject(2, at);
            insert.executeUpdate();
            giveBack.setObject(1, forgotten);
            giveBack.executeUpdate();
            forget.setObject(1, forgotten);
            forget.executeUpdate();
        }
    }

    /** Nodes not heard from since {@code heardSince}: their leases have run out. */
    private static List<String> lapsedClaimants(Connection connection, OffsetDateTime heardSince) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT claimant FROM delivery_node WHERE heartbeat_at <= ?")) {
            select.setObject(1, heardSince);
            List<String> lapsed = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lapsed.add(rows.getString(1));
                }
            }
            return lapsed;
        }
    }

    private static List<Delivery> claimed(Connection connection, String claimant, Array ids) throws SQLException {
        Map<Long, List<Delivery.Part>> parts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT message_id, id, part_number FROM sms_part "
                + "WHERE acknowledged_at IS NULL AND message_id = ANY(?) ORDER BY message_id, part_number")) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    parts.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                            .add(new Delivery.Part(rows.getLong(2), rows.getInt(3)));
                }
            }
        }
        List<Delivery> deliveries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, priority, destination, sender_number, content, data_coding, segments, separate_parts,
                       delivery_confirmation, attempts, created_at, scheduled_at, route
                FROM sms_message WHERE claimed_by = ? AND status = 'PENDING' AND id = ANY(?) ORDER BY priority, id""")) {
            select.setString(1, claimant);
            select.setArray(2, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    OffsetDateTime scheduled = rows.getObject(12, OffsetDateTime.class);
                    Instant due = (scheduled != null ? scheduled : rows.getObject(11, OffsetDateTime.class)).toInstant();
                    deliveries.add(new Delivery(id, claimant, rows.getInt(2), rows.getString(3),
                            rows.getString(4), rows.getBytes(5), rows.getInt(6), rows.getInt(7), rows.getBoolean(8),
                            rows.getBoolean(9), rows.getInt(10), due, SmsMessage.routeOf(rows.getString(13)),
                            parts.getOrDefault(id, List.of())));
                }
            }
        }
        return deliveries;
    }
}

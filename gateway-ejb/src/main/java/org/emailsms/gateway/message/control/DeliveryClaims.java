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

/**
 * Claims due messages for a node's delivery pipeline, a batch in one transaction: pending messages
 * (interactive ones first, then the oldest), failed ones whose retry time has come and scheduled
 * ones whose send time has. A claim is a conditional update, so of several nodes claiming at once
 * each message goes to one; it lasts for the lease, and a message whose claim has run out (its node
 * died) is claimed again by whoever comes next. Plain JDBC on the transaction's connection: a batch
 * is a handful of statements, not an entity load per message.
 */
@Dependent
public class DeliveryClaims {

    private static final String CLAIMABLE_PENDING = "status = 'PENDING' AND (claimed_by IS NULL OR next_attempt_at <= ?)";

    @PersistenceContext
    EntityManager em;

    /** Outside the container, on a transaction the caller runs. */
    public static DeliveryClaims on(EntityManager em) {
        DeliveryClaims claims = new DeliveryClaims();
        claims.em = em;
        return claims;
    }

    @Transactional
    public List<Delivery> claim(String claimant, int max, Instant now, Duration lease) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Instant claimedUntil = now.plus(lease);
        Connection connection = em.unwrap(Connection.class);
        try {
            Set<Long> candidates = new LinkedHashSet<>(ids(connection, "SELECT id FROM sms_message WHERE "
                    + CLAIMABLE_PENDING + " ORDER BY priority, id", at, max));
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
                    status = 'PENDING', claimed_by = ?, next_attempt_at = ?, version = version + 1
                    WHERE id = ANY(?) AND (%s OR status = 'FAIL' AND next_attempt_at <= ?
                                           OR status = 'SCHEDULED' AND scheduled_at <= ?)""".formatted(CLAIMABLE_PENDING))) {
                update.setObject(1, at);
                update.setString(2, claimant);
                update.setObject(3, claimedUntil.atOffset(ZoneOffset.UTC));
                update.setArray(4, ids);
                update.setObject(5, at);
                update.setObject(6, at);
                update.setObject(7, at);
                if (update.executeUpdate() == 0) {
                    return List.of();
                }
            }
            return claimed(connection, claimant, claimedUntil, ids);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim messages for delivery: " + e.getMessage(), e);
        }
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

    private static List<Long> ids(Connection connection, String query, OffsetDateTime at, int max) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setObject(1, at);
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

    private static List<Delivery> claimed(Connection connection, String claimant, Instant claimedUntil, Array ids)
            throws SQLException {
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
                       delivery_confirmation, attempts, created_at, scheduled_at
                FROM sms_message WHERE claimed_by = ? AND status = 'PENDING' AND id = ANY(?) ORDER BY priority, id""")) {
            select.setString(1, claimant);
            select.setArray(2, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    OffsetDateTime scheduled = rows.getObject(12, OffsetDateTime.class);
                    Instant due = (scheduled != null ? scheduled : rows.getObject(11, OffsetDateTime.class)).toInstant();
                    deliveries.add(new Delivery(id, claimant, claimedUntil, rows.getInt(2), rows.getString(3),
                            rows.getString(4), rows.getBytes(5), rows.getInt(6), rows.getInt(7), rows.getBoolean(8),
                            rows.getBoolean(9), rows.getInt(10), due, List.copyOf(parts.getOrDefault(id, List.of()))));
                }
            }
        }
        return deliveries;
    }
}

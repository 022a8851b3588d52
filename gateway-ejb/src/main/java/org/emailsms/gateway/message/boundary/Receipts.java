package org.emailsms.gateway.message.boundary;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.mail.control.MailOutbox;
import org.emailsms.gateway.mail.entity.MailThreading;
import org.emailsms.gateway.message.control.MessageLifecycle;
import org.emailsms.gateway.message.entity.DeliveryState;
import org.emailsms.gateway.message.entity.MessageStatus;

/**
 * Records delivery receipts on the parts they name, many in a few statements (the inbound journal
 * records a batch of them in the write that makes them durable): each part's reported state, then
 * each message's status from all its parts once every part is reported, as {@link MessageLifecycle}
 * decides it (an undelivered part makes the message UNDELIVERED, else an expired one EXPIRED, else
 * it is DELIVERED). A sender who asked, in a company that offers it, gets a confirmation email when
 * the message's final state is first known. Runs in the caller's transaction.
 */
@Stateless
public class Receipts {

    private static final Logger LOG = Logger.getLogger(Receipts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @EJB
    Deliveries deliveries;

    /** Outside the container, on a transaction the caller runs. */
    public static Receipts on(EntityManager em, MailOutbox outbox) {
        Receipts receipts = new Receipts();
        receipts.em = em;
        receipts.outbox = outbox;
        return receipts;
    }

    /**
     * Records them; for each, whether a part matched. One that matches no acknowledged part changes
     * nothing: a receipt may overtake the storing of the acknowledgement it reports on.
     */
    public List<Boolean> record(List<Receipt> receipts) {
        Connection connection = em.unwrap(Connection.class);
        try {
            Map<String, List<Part>> candidates = candidates(connection, receipts);
            List<Part> parts = new ArrayList<>(receipts.size());
            for (Receipt receipt : receipts) {
                parts.add(match(receipt, candidates));
            }
            // Locked in id order, so that writers of receipts of the same messages never deadlock, and
            // each sees the others' parts when it rolls the status up.
            Map<Long, Locked> messages = lock(connection, parts);
            if (messages.isEmpty()) {
                return parts.stream().map(part -> false).toList();
            }
            try (PreparedStatement report = connection.prepareStatement(
                    "UPDATE sms_part SET delivery_state = ?, reported_at = ? WHERE id = ?")) {
                for (int i = 0; i < receipts.size(); i++) {
                    Part part = parts.get(i);
                    if (part != null) {
                        report.setString(1, receipts.get(i).state().name());
                        report.setObject(2, receipts.get(i).at());
                        report.setLong(3, part.id());
                        report.addBatch();
                    }
                }
                report.executeBatch();
            }
            rollUp(connection, messages.keySet());
            confirm(connection, messages);
            return parts.stream().map(part -> part != null).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + receipts.size() + " delivery receipts: " + e.getMessage(), e);
        }
    }

    /** Each message's status from its parts' reported states, as the lifecycle decides it, once all are reported. */
    private static void rollUp(Connection connection, Set<Long> ids) throws SQLException {
        Map<Long, List<DeliveryState>> states = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT message_id, delivery_state FROM sms_part WHERE message_id = ANY(?)")) {
            Array array = connection.createArrayOf("BIGINT", ids.toArray());
            select.setArray(1, array);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String state = rows.getString(2);
                    states.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                            .add(state == null ? null : DeliveryState.valueOf(state));
                }
            }
            array.free();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sms_message SET status = ?, changed_at = ?, version = version + 1 WHERE id = ?")) {
            OffsetDateTime changed = OffsetDateTime.now(ZoneOffset.UTC);
            int updates = 0;
            for (Map.Entry<Long, List<DeliveryState>> message : states.entrySet()) {
                Optional<MessageStatus> status = MessageLifecycle.statusAfterReceipts(message.getValue());
                if (status.isPresent()) {
                    update.setString(1, status.get().name());
                    update.setObject(2, changed);
                    update.setLong(3, message.getKey());
                    update.addBatch();
                    updates++;
                }
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
    }

    /** An acknowledged part: its row, its message, the number it was sent to; rank 0 is the newest. */
    private record Part(long id, long messageId, String key, String destination, int rank) {
    }

    private record Locked(boolean wasReported, boolean confirmationWanted) {
    }

    /** The acknowledged parts under any of the receipts' ids, newest first under each. */
    private Map<String, List<Part>> candidates(Connection connection, List<Receipt> receipts) throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        receipts.forEach(receipt -> keys.addAll(receipt.smscIdKeys()));
        Map<String, List<Part>> byKey = new HashMap<>();
        if (keys.isEmpty()) {
            return byKey;
        }
        if (deliveries != null) {
            // A receipt often comes within milliseconds of its acknowledgement, still to be written behind.
            deliveries.writeAcknowledged(keys);
        }
        // Newest first: SMSCs reuse ids in time, so the latest part under an id is the one a receipt means.
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT p.id, p.message_id, p.smsc_id_key, m.destination FROM sms_part p
                JOIN sms_message m ON m.id = p.message_id
                WHERE p.smsc_id_key = ANY(?) ORDER BY p.acknowledged_at DESC, p.id DESC""")) {
            Array array = connection.createArrayOf("VARCHAR", keys.toArray());
            select.setArray(1, array);
            try (ResultSet rows = select.executeQuery()) {
                for (int rank = 0; rows.next(); rank++) {
                    Part part = new Part(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rank);
                    byKey.computeIfAbsent(part.key(), key -> new ArrayList<>()).add(part);
                }
            }
            array.free();
        }
        return byKey;
    }

    /** A receipt comes from the handset's number: of parts under a reused id, the newest one sent there. */
    private static Part match(Receipt receipt, Map<String, List<Part>> candidates) {
        Part newest = null;
        for (String key : receipt.smscIdKeys()) {
            for (Part part : candidates.getOrDefault(key, List.of())) {
                boolean sentThere = receipt.handset().isEmpty() || part.destination().substring(1).equals(receipt.handset());
                if (sentThere) {
                    newest = newest == null || part.rank() < newest.rank() ? part : newest;
                    break;
                }
            }
        }
        if (newest == null) {
            LOG.fine(() -> "no part to " + receipt.handset() + " acknowledged under SMSC ids " + receipt.smscIdKeys() + " (yet)");
        }
        return newest;
    }

    private static Map<Long, Locked> lock(Connection connection, List<Part> parts) throws SQLException {
        Map<Long, Locked> messages = new TreeMap<>();
        Object[] ids = parts.stream().filter(part -> part != null).map(Part::messageId).distinct().sorted().toArray();
        if (ids.length == 0) {
            return messages;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id, status, delivery_confirmation "
                + "FROM sms_message WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            Array array = connection.createArrayOf("BIGINT", ids);
            select.setArray(1, array);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String status = rows.getString(2);
                    messages.put(rows.getLong(1), new Locked(isFinal(status), rows.getBoolean(3)));
                }
            }
            array.free();
        }
        return messages;
    }

    private static boolean isFinal(String status) {
        return MessageLifecycle.isReported(MessageStatus.valueOf(status));
    }

    /** The confirmation emails of messages whose final state this write made known. */
    private void confirm(Connection connection, Map<Long, Locked> messages) throws SQLException {
        Object[] ids = messages.entrySet().stream()
                .filter(message -> message.getValue().confirmationWanted() && !message.getValue().wasReported())
                .map(Map.Entry::getKey).toArray();
        if (ids.length == 0) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT m.id, m.status, m.destination, m.created_at, u.email FROM sms_message m
                JOIN gateway_user u ON u.id = m.user_id JOIN company c ON c.id = m.company_id
                WHERE m.id = ANY(?) AND c.delivery_confirmation""")) {
            Array array = connection.createArrayOf("BIGINT", ids);
            select.setArray(1, array);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String status = rows.getString(2);
                    if (isFinal(status)) {
                        mailConfirmation(rows.getLong(1), status.toLowerCase(), rows.getString(3),
                                rows.getObject(4, OffsetDateTime.class), rows.getString(5));
                    }
                }
            }
            array.free();
        }
    }

    private void mailConfirmation(long id, String status, String destination, OffsetDateTime created, String email) {
        outbox.queue(email, "SMS to " + destination + ": " + status,
                String.format("Your SMS to %s (message %d, sent %s) is %s, as the network reports.%n",
                        destination, id, created.toInstant(), status),
                MailThreading.aboutSms(id, status));
    }
}

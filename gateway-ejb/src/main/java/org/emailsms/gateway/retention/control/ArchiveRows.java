package org.emailsms.gateway.retention.control;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.platform.control.ContentCipher;
import org.emailsms.gateway.platform.control.Timestamps;
import org.emailsms.gateway.report.control.DailyTotals;

/**
 * The rows the archive takes, as JSON records (one per line of the file, the text in clear), and
 * their deletion once a file holds them. Every read is a page in id order within one company and one
 * day, so that no transaction of the job lasts long. Plain JDBC on the caller's connection.
 */
public final class ArchiveRows {

    /** Final states only: a message still on its way stays until it has one, whatever its age. */
    private static final String FINAL = "('OK', 'ABORT', 'DELIVERED', 'UNDELIVERED', 'EXPIRED')";

    /** The four kinds of row, in the order a file holds them. */
    public enum Kind {
        MESSAGE("message", """
                SELECT MIN(m.created_at) FROM sms_message m WHERE m.company_id = ? AND m.created_at >= ?
                AND m.created_at < ? AND m.status IN""" + FINAL),
        REPLY("reply", """
                SELECT MIN(r.received_at) FROM sms_reply r LEFT JOIN gateway_user u ON u.id = r.user_id
                WHERE COALESCE(u.company_id, 0) = ? AND r.received_at >= ? AND r.received_at < ?"""),
        LOGIN("login", """
                SELECT MIN(a.attempted_at) FROM login_attempt a LEFT JOIN gateway_user u ON u.username = a.username
                WHERE COALESCE(u.company_id, 0) = ? AND a.attempted_at >= ? AND a.attempted_at < ?"""),
        /** Receipts and replies from the SMSC given up after every attempt: the gateway's own. */
        PDU("pdu", """
                SELECT MIN(p.received_at) FROM inbound_pdu p WHERE 0 = ? AND p.next_attempt_at IS NULL
                AND p.received_at >= ? AND p.received_at < ?""");

        private final String code;
        private final String firstAfter;

        Kind(String code, String firstAfter) {
            this.code = code;
            this.firstAfter = firstAfter;
        }

        public String code() {
            return code;
        }
    }

    /** A page of one kind: the records to write and the ids of their rows. */
    public record Page(List<JsonObject> records, List<Long> ids) {

        public long lastId() {
            return ids.get(ids.size() - 1);
        }
    }

    private final Connection connection;
    private final ContentCipher cipher;

    public ArchiveRows(Connection connection, ContentCipher cipher) {
        this.connection = connection;
        this.cipher = cipher;
    }

    /**
     * When the first row of this kind at or after {@code from} and before {@code before} was made, for
     * a company ({@code 0} for the gateway's own rows).
     */
    public Optional<Instant> firstAfter(Kind kind, long company, Instant from, Instant before) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(kind.firstAfter)) {
            select.setLong(1, company);
            select.setObject(2, utc(from));
            select.setObject(3, utc(before));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                Object first = rs.getObject(1);
                return first == null ? Optional.empty() : Optional.of(Timestamps.utc(first).toInstant());
            }
        }
    }

    /** Up to {@code max} rows of a kind made in {@code [from, before)}, with ids above {@code afterId}. */
    public Page page(Kind kind, long company, Instant from, Instant before, long afterId, int max) throws SQLException {
        return switch (kind) {
            case MESSAGE -> messages(company, from, before, afterId, max);
            case REPLY -> replies(company, from, before, afterId, max);
            case LOGIN -> logins(company, from, before, afterId, max);
            case PDU -> pdus(from, before, afterId, max);
        };
    }

    /** Remembers which rows a file holds, in the transaction that read them. */
    public void hold(long fileId, Kind kind, List<Long> ids) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO archive_entry (file_id, kind, row_id) VALUES (?, ?, ?)")) {
            for (long id : ids) {
                insert.setLong(1, fileId);
                insert.setString(2, kind.code());
                insert.setLong(3, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The next rows of a kind that a written file holds and that are still in the database. */
    public List<Long> held(long fileId, Kind kind, int max) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT row_id FROM archive_entry WHERE file_id = ? AND kind = ? ORDER BY row_id LIMIT ?")) {
            select.setLong(1, fileId);
            select.setString(2, kind.code());
            select.setInt(3, max);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * Deletes the rows (a message with its parts) and forgets them as held; how many rows went.
     * Messages and replies are counted into the daily totals first, so the reports keep them.
     */
    public int delete(long fileId, Kind kind, List<Long> ids) throws SQLException {
        Array array = connection.createArrayOf("BIGINT", ids.toArray());
        int deleted = 0;
        switch (kind) {
            case MESSAGE -> {
                DailyTotals.addMessages(connection, array);
                // A younger reply keeps its sender; the message it answered is in the archive (its "replies").
                update("UPDATE sms_reply SET answered_message_id = NULL WHERE answered_message_id = ANY (?)", array);
                deleted += update("DELETE FROM sms_part WHERE message_id = ANY (?)", array);
                deleted += update("DELETE FROM sms_message WHERE id = ANY (?)", array);
            }
            case REPLY -> {
                DailyTotals.addReplies(connection, array);
                deleted += update("DELETE FROM sms_reply WHERE id = ANY (?)", array);
            }
            case LOGIN -> deleted += update("DELETE FROM login_attempt WHERE id = ANY (?)", array);
            case PDU -> deleted += update("DELETE FROM inbound_pdu WHERE id = ANY (?)", array);
        }
        try (PreparedStatement forget = connection.prepareStatement(
                "DELETE FROM archive_entry WHERE file_id = ? AND kind = ? AND row_id = ANY (?)")) {
            forget.setLong(1, fileId);
            forget.setString(2, kind.code());
            forget.setArray(3, array);
            forget.executeUpdate();
        }
        return deleted;
    }

    /**
     * Sent emails of the outbox older than {@code before}, at most {@code max}: not archived, as their
     * text is a reply's or a message's, which the archive holds.
     */
    public int deleteSentMail(Instant before, int max) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM mail_outbox WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'SENT'
                AND created_at < ? ORDER BY id LIMIT ?)""")) {
            delete.setObject(1, utc(before));
            delete.setInt(2, max);
            return delete.executeUpdate();
        }
    }

    public List<Long> companies() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM company ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    public String companyName(long company) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM company WHERE id = ?")) {
            select.setLong(1, company);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Page messages(long company, Instant from, Instant before, long afterId, int max) throws SQLException {
        Page scalars = read("""
                SELECT m.id, u.username, d.name, m.destination, m.contact_name, m.sender_number, m.content,
                       m.data_coding, m.segments, m.status, m.attempts, m.last_error, m.source, m.delivery_confirmation,
                       m.created_at, m.scheduled_at, m.submitted_at
                FROM sms_message m JOIN gateway_user u ON u.id = m.user_id LEFT JOIN department d ON d.id = m.department_id
                WHERE m.company_id = ? AND m.created_at >= ? AND m.created_at < ? AND m.id > ? AND m.status IN"""
                + FINAL + " ORDER BY m.id LIMIT ?", "message", (record, rs) -> {
                    text(record, "user", rs.getString(2));
                    text(record, "department", rs.getString(3));
                    text(record, "destination", rs.getString(4));
                    text(record, "contact", rs.getString(5));
                    text(record, "sender_number", rs.getString(6));
                    content(record, rs.getBytes(7));
                    record.add("data_coding", rs.getInt(8)).add("segments", rs.getInt(9))
                            .add("status", rs.getString(10)).add("attempts", rs.getInt(11));
                    text(record, "last_error", rs.getString(12));
                    text(record, "source", sourceName(rs.getString(13)));
                    record.add("delivery_confirmation", rs.getBoolean(14));
                    time(record, "created_at", rs.getObject(15));
                    time(record, "scheduled_at", rs.getObject(16));
                    time(record, "submitted_at", rs.getObject(17));
                }, company, utc(from), utc(before), afterId, max);
        List<Long> ids = scalars.ids();
        if (ids.isEmpty()) {
            return scalars;
        }
        Array array = connection.createArrayOf("BIGINT", ids.toArray());
        Map<Long, List<Part>> parts = parts(array);
        Map<Long, JsonArrayBuilder> replies = replyIds(array);
        List<JsonObject> records = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            JsonObject message = scalars.records().get(i);
            JsonObjectBuilder record = Json.createObjectBuilder(message);
            List<Part> own = parts.getOrDefault(id, List.of());
            JsonArrayBuilder partArray = Json.createArrayBuilder();
            for (Part part : own) {
                JsonObjectBuilder p = Json.createObjectBuilder().add("part", part.number());
                text(p, "smsc_message_id", part.smscId());
                time(p, "acknowledged_at", part.acknowledgedAt());
                text(p, "delivery_state", part.state());
                time(p, "reported_at", part.reportedAt());
                partArray.add(p);
            }
            record.add("parts", partArray);
            record.add("history", history(message, own));
            record.add("replies", replies.getOrDefault(id, Json.createArrayBuilder()));
            records.add(record.build());
        }
        return new Page(records, ids);
    }

    private record Part(int number, String smscId, OffsetDateTime acknowledgedAt, String state,
            OffsetDateTime reportedAt) {
    }

    private Map<Long, List<Part>> parts(Array messageIds) throws SQLException {
        Map<Long, List<Part>> parts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT message_id, part_number, smsc_message_id, acknowledged_at, delivery_state, reported_at
                FROM sms_part WHERE message_id = ANY (?) ORDER BY message_id, part_number""")) {
            select.setArray(1, messageIds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    parts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new Part(rs.getInt(2),
                            rs.getString(3), nullableUtc(rs.getObject(4)), rs.getString(5), nullableUtc(rs.getObject(6))));
                }
            }
        }
        return parts;
    }

    private Map<Long, JsonArrayBuilder> replyIds(Array messageIds) throws SQLException {
        Map<Long, JsonArrayBuilder> replies = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT answered_message_id, id FROM sms_reply WHERE answered_message_id = ANY (?) ORDER BY id")) {
            select.setArray(1, messageIds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    replies.computeIfAbsent(rs.getLong(1), id -> Json.createArrayBuilder()).add(rs.getLong(2));
                }
            }
        }
        return replies;
    }

    /** The message's status history as far as the rows record it: accepted, submitted, each part's acknowledgement and report. */
    private static JsonArrayBuilder history(JsonObject message, List<Part> parts) {
        List<JsonObject> events = new ArrayList<>();
        event(events, "ACCEPTED", null, stringOrNull(message, "created_at"));
        event(events, "SUBMITTED", null, stringOrNull(message, "submitted_at"));
        for (Part part : parts) {
            event(events, "ACKNOWLEDGED", part.number(), iso(part.acknowledgedAt()));
            if (part.state() != null) {
                event(events, part.state(), part.number(), iso(part.reportedAt()));
            }
        }
        events.sort(Comparator.comparing(e -> e.getString("at", "")));
        JsonArrayBuilder history = Json.createArrayBuilder();
        events.forEach(history::add);
        return history;
    }

    private static String stringOrNull(JsonObject record, String name) {
        return record.isNull(name) ? null : record.getString(name);
    }

    private static void event(List<JsonObject> events, String status, Integer part, String at) {
        if (at == null) {
            return;
        }
        JsonObjectBuilder event = Json.createObjectBuilder().add("status", status);
        if (part != null) {
            event.add("part", part);
        }
        events.add(event.add("at", at).build());
    }

    private Page replies(long company, Instant from, Instant before, long afterId, int max) throws SQLException {
        return read("""
                SELECT r.id, r.received_at, r.handset, r.pool_number, u.username, r.answered_message_id, r.content,
                       r.segments, r.mailed_to
                FROM sms_reply r LEFT JOIN gateway_user u ON u.id = r.user_id
                WHERE COALESCE(u.company_id, 0) = ? AND r.received_at >= ? AND r.received_at < ? AND r.id > ?
                ORDER BY r.id LIMIT ?""", "reply", (record, rs) -> {
                    time(record, "received_at", rs.getObject(2));
                    text(record, "handset", rs.getString(3));
                    text(record, "sender_number", rs.getString(4));
                    text(record, "user", rs.getString(5));
                    long answered = rs.getLong(6);
                    if (!rs.wasNull()) {
                        record.add("answered_message_id", answered);
                    }
                    content(record, rs.getBytes(7));
                    record.add("segments", rs.getInt(8));
                    text(record, "mailed_to", rs.getString(9));
                }, company, utc(from), utc(before), afterId, max);
    }

    private Page logins(long company, Instant from, Instant before, long afterId, int max) throws SQLException {
        return read("""
                SELECT a.id, a.attempted_at, a.username, a.client_ip, a.channel, a.outcome
                FROM login_attempt a LEFT JOIN gateway_user u ON u.username = a.username
                WHERE COALESCE(u.company_id, 0) = ? AND a.attempted_at >= ? AND a.attempted_at < ? AND a.id > ?
                ORDER BY a.id LIMIT ?""", "login", (record, rs) -> {
                    time(record, "attempted_at", rs.getObject(2));
                    text(record, "username", rs.getString(3));
                    text(record, "client_ip", rs.getString(4));
                    text(record, "channel", rs.getString(5));
                    text(record, "outcome", rs.getString(6));
                }, company, utc(from), utc(before), afterId, max);
    }

    private Page pdus(Instant from, Instant before, long afterId, int max) throws SQLException {
        return read("""
                SELECT id, received_at, receipt, source_addr, destination_addr, esm_class, data_coding, short_message,
                       receipted_message_id, message_state, attempts, last_error
                FROM inbound_pdu WHERE next_attempt_at IS NULL AND received_at >= ? AND received_at < ? AND id > ?
                ORDER BY id LIMIT ?""", "pdu", (record, rs) -> {
                    time(record, "received_at", rs.getObject(2));
                    record.add("receipt", rs.getBoolean(3));
                    text(record, "source_addr", rs.getString(4));
                    text(record, "destination_addr", rs.getString(5));
                    record.add("esm_class", rs.getInt(6)).add("data_coding", rs.getInt(7));
                    Optional<byte[]> shortMessage = cipher.tryDecryptBytes(rs.getBytes(8));
                    if (shortMessage.isPresent()) {
                        record.add("short_message_hex", HexFormat.of().formatHex(shortMessage.get()));
                    } else {
                        record.addNull("short_message_hex").add("content_unreadable", true);
                    }
                    text(record, "receipted_message_id", rs.getString(9));
                    int state = rs.getInt(10);
                    if (!rs.wasNull()) {
                        record.add("message_state", state);
                    }
                    record.add("attempts", rs.getInt(11));
                    text(record, "last_error", rs.getString(12));
                }, utc(from), utc(before), afterId, max);
    }

    /** Fills a record from a row whose first column is the id. */
    @FunctionalInterface
    private interface Fields {
        void of(JsonObjectBuilder record, ResultSet rs) throws SQLException;
    }

    private Page read(String sql, String type, Fields fields, Object... parameters) throws SQLException {
        List<JsonObject> records = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    ids.add(id);
                    JsonObjectBuilder record = Json.createObjectBuilder().add("type", type).add("id", id);
                    fields.of(record, rs);
                    records.add(record.build());
                }
            }
        }
        return new Page(records, ids);
    }

    /** The text in clear; one sealed under an earlier content key is archived as unreadable rather than held back. */
    private void content(JsonObjectBuilder record, byte[] sealed) {
        Optional<byte[]> clear = cipher.tryDecryptBytes(sealed);
        if (clear.isPresent()) {
            record.add("text", new String(clear.get(), StandardCharsets.UTF_8));
        } else {
            record.addNull("text").add("content_unreadable", true);
        }
    }

    private int update(String sql, Array ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, ids);
            return statement.executeUpdate();
        }
    }

    private static void text(JsonObjectBuilder record, String name, String value) {
        if (value == null) {
            record.addNull(name);
        } else {
            record.add(name, value);
        }
    }

    private static void time(JsonObjectBuilder record, String name, Object value) {
        if (value == null) {
            record.addNull(name);
        } else {
            record.add(name, iso(Timestamps.utc(value)));
        }
    }

    private static OffsetDateTime nullableUtc(Object value) {
        return value == null ? null : Timestamps.utc(value);
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String sourceName(String stored) {
        try {
            return MessageSource.valueOf(stored).omsName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return stored;
        }
    }
}

package org.emailsms.gateway.report.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.emailsms.gateway.platform.control.PhoneNumbers;
import org.emailsms.gateway.platform.control.Timestamps;

/**
 * Daily totals per company, day (the company's time zone), department, user, destination country,
 * status and source: what the summaries count of messages and replies whose rows have been archived
 * and deleted. Added to in the transaction that deletes those rows, so that a summary is always the
 * rows online plus the totals, each message counted once. Plain JDBC on the caller's connection.
 */
public final class DailyTotals {

    /** The status of the totals of replies; they have no source. */
    public static final String REPLY = "REPLY";
    private static final String UNKNOWN_COUNTRY = "ZZ";
    private static final String NO_SOURCE = "";

    private record Key(long company, LocalDate day, long department, long user, String country, String status,
            String source) {
    }

    private DailyTotals() {
    }

    /** Counts the messages with these ids (about to be deleted) into the totals. */
    public static void addMessages(Connection connection, Array messageIds) throws SQLException {
        Map<Key, long[]> totals = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT m.company_id, m.created_at, m.department_id, m.user_id, m.destination, m.status, m.source,
                       m.segments, c.time_zone
                FROM sms_message m JOIN company c ON c.id = m.company_id WHERE m.id = ANY (?)""")) {
            select.setArray(1, messageIds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Key key = new Key(rs.getLong(1), day(rs.getObject(2), rs.getString(9)), rs.getLong(3), rs.getLong(4),
                            country(rs.getString(5)), rs.getString(6), rs.getString(7));
                    add(totals, key, rs.getInt(8));
                }
            }
        }
        write(connection, totals);
    }

    /** Counts the replies with these ids (about to be deleted) into the totals; one that belonged to no one is not counted. */
    public static void addReplies(Connection connection, Array replyIds) throws SQLException {
        Map<Key, long[]> totals = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT u.company_id, r.received_at, u.department_id, r.user_id, r.handset, r.segments, c.time_zone
                FROM sms_reply r JOIN gateway_user u ON u.id = r.user_id JOIN company c ON c.id = u.company_id
                WHERE r.id = ANY (?)""")) {
            select.setArray(1, replyIds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Key key = new Key(rs.getLong(1), day(rs.getObject(2), rs.getString(7)), rs.getLong(3), rs.getLong(4),
                            country(rs.getString(5)), REPLY, NO_SOURCE);
                    add(totals, key, rs.getInt(6));
                }
            }
        }
        write(connection, totals);
    }

    /** Forgets the totals of days before {@code day}: a few rows a day, so in one statement. */
    public static int forgetBefore(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM daily_total WHERE total_day < ?")) {
            delete.setObject(1, day);
            return delete.executeUpdate();
        }
    }

    private static void add(Map<Key, long[]> totals, Key key, int segments) {
        long[] sums = totals.computeIfAbsent(key, k -> new long[2]);
        sums[0]++;
        sums[1] += segments;
    }

    /** Adds to a day's existing row, or starts it; the retention job is the only writer (it holds a lease). */
    private static void write(Connection connection, Map<Key, long[]> totals) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE daily_total SET messages = messages + ?, segments = segments + ?
                WHERE company_id = ? AND total_day = ? AND department_id = ? AND user_id = ? AND country = ?
                AND status = ? AND source = ?""");
             PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO daily_total (messages, segments, company_id, total_day, department_id, user_id, country,
                status, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map.Entry<Key, long[]> total : totals.entrySet()) {
                bind(update, total.getKey(), total.getValue());
                if (update.executeUpdate() == 0) {
                    bind(insert, total.getKey(), total.getValue());
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, Key key, long[] sums) throws SQLException {
        statement.setLong(1, sums[0]);
        statement.setLong(2, sums[1]);
        statement.setLong(3, key.company());
        statement.setObject(4, key.day());
        statement.setLong(5, key.department());
        statement.setLong(6, key.user());
        statement.setString(7, key.country());
        statement.setString(8, key.status());
        statement.setString(9, key.source());
    }

    private static LocalDate day(Object at, String zone) {
        return Timestamps.utc(at).atZoneSameInstant(ZoneId.of(zone)).toLocalDate();
    }

    private static String country(String e164) {
        return PhoneNumbers.countryOf(e164).orElse(UNKNOWN_COUNTRY);
    }
}

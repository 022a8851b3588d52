package org.emailsms.gateway.account.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.emailsms.gateway.account.boundary.Sender;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.platform.boundary.GatewayResources;

/**
 * A sender read in one statement: the user, its company (a row per allowed country) and
 * department, and whether the company restricts its destinations. Through the ORM the same took a
 * query with two join fetches, another for the countries and one for the restriction, and building
 * three entities: a sixth of the CPU of a {@code sendMessage}. On the caller's transaction's
 * connection when there is one (the pool shares it), else on a connection of its own in
 * auto-commit: a send's checks read this row alone, and need no transaction for it.
 */
@Dependent
public class SenderRows {

    /** A sender as read, and whether the account with its company and department is active. */
    public record Row(Sender sender, boolean active) {
    }

    private static final String READ = """
            SELECT u.username, u.status, u.deleted_at, c.id, c.status, c.home_country, c.time_zone, c.daily_quota,
                   c.split_long_messages, c.max_segments, c.oms_compress, d.id, d.status, d.daily_quota,
                   ac.country,
                   CASE WHEN EXISTS (SELECT 1 FROM destination_restriction r WHERE r.company_id = c.id)
                        THEN 1 ELSE 0 END,
                   c.name, d.name
            FROM gateway_user u
            LEFT JOIN company c ON c.id = u.company_id
            LEFT JOIN department d ON d.id = u.department_id
            LEFT JOIN company_allowed_country ac ON ac.company_id = c.id
            WHERE u.id = ?""";

    @Resource(lookup = GatewayResources.DATA_SOURCE)
    DataSource dataSource;

    /** Outside the container only (tests): the connection of the test's own transaction. */
    private EntityManager em;

    public SenderRows() {
    }

    /** Outside the container: tests, on their own transaction's entity manager. */
    public SenderRows(EntityManager em) {
        this.em = em;
    }

    /** The user's sender, unless no such user was ever stored. */
    public Optional<Row> read(long userId) {
        if (em != null) {
            return read(em.unwrap(Connection.class), userId);
        }
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, userId);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the sender of user " + userId, e);
        }
    }

    private static Optional<Row> read(Connection connection, long userId) {
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setLong(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String username = rows.getString(1);
                boolean active = active(rows.getString(2)) && rows.getObject(3) == null
                        && (rows.getObject(4) == null || active(rows.getString(5)))
                        && (rows.getObject(12) == null || active(rows.getString(13)));
                Long company = nullable(rows, 4);
                String homeCountry = rows.getString(6);
                ZoneId zone = company == null ? null : ZoneId.of(rows.getString(7));
                Integer companyQuota = nullableInt(rows, 8);
                boolean split = rows.getBoolean(9);
                int maxSegments = rows.getInt(10);
                boolean compress = rows.getBoolean(11);
                Long department = nullable(rows, 12);
                Integer departmentQuota = nullableInt(rows, 14);
                boolean restricted = rows.getInt(16) == 1;
                String companyName = rows.getString(17);
                String departmentName = rows.getString(18);
                Set<String> countries = new HashSet<>();
                do {
                    if (rows.getString(15) != null) {
                        countries.add(rows.getString(15));
                    }
                } while (rows.next());
                return Optional.of(new Row(new Sender(userId, username, company, homeCountry, zone, countries,
                        companyQuota, split, maxSegments, compress, department, departmentQuota, restricted,
                        companyName, departmentName), active));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the sender of user " + userId, e);
        }
    }

    private static boolean active(String status) {
        return AccountStatus.ACTIVE.name().equals(status);
    }

    private static Long nullable(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }
}

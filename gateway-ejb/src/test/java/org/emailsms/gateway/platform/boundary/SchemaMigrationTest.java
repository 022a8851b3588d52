package org.emailsms.gateway.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Databases migrated by earlier versions, whose V5 and V6 differed from today's in a comment only. */
class SchemaMigrationTest {

    private final SchemaMigration cut = new SchemaMigration();

    SchemaMigrationTest() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        cut.dataSource = h2;
    }

    @Test
    void aDatabaseMigratedBeforeTheCommentsWereRewordedStillStarts() throws Exception {
        cut.migrate();
        recordChecksum(5, -608890053);
        recordChecksum(6, -519948098);

        cut.migrate();

        assertEquals(543740047, checksum(5));
        assertEquals(1956770528, checksum(6));
    }

    @Test
    void anyOtherDifferenceStillFailsValidation() throws Exception {
        cut.migrate();
        recordChecksum(5, 12345);

        assertThrows(FlywayException.class, cut::migrate);
    }

    private void recordChecksum(int version, int checksum) throws SQLException {
        try (Connection c = cut.dataSource.getConnection()) {
            c.createStatement().executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = " + checksum
                    + " WHERE \"version\" = '" + version + "'");
        }
    }

    private int checksum(int version) throws SQLException {
        try (Connection c = cut.dataSource.getConnection();
             ResultSet row = c.createStatement().executeQuery(
                     "SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '" + version + "'")) {
            row.next();
            return row.getInt(1);
        }
    }
}

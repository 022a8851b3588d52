package org.emailsms.gateway.platform.boundary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database schema up to date before anything else touches it. */
@Singleton
@Startup
// Flyway commits each migration itself; a surrounding JTA transaction would forbid that.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = GatewayResources.DATA_SOURCE)
    DataSource dataSource;

    /**
     * Migrations whose applied text differs from today's in a comment only (a reference to a
     * document outside the repository was reworded): version, checksum recorded by earlier versions,
     * checksum of today's file. Without this, Flyway's validation would refuse those databases.
     */
    private static final List<int[]> REWORDED_COMMENTS = List.of(
            new int[] {5, -608890053, 543740047},
            new int[] {6, -519948098, 1956770528});

    @PostConstruct
    void migrate() {
        acceptRewordedComments();
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> String.format("Database schema at version %s (%d migrations applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted));
    }

    /** Only a recorded checksum that is exactly the old one changes: any other difference still fails validation. */
    private void acceptRewordedComments() {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasHistory(connection)) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE \"flyway_schema_history\" SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?")) {
                for (int[] migration : REWORDED_COMMENTS) {
                    update.setInt(1, migration[2]);
                    update.setString(2, Integer.toString(migration[0]));
                    update.setInt(3, migration[1]);
                    if (update.executeUpdate() > 0) {
                        LOG.info(() -> "Accepted the reworded comment of migration V" + migration[0]);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema history", e);
        }
    }

    private static boolean hasHistory(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            return tables.next();
        }
    }
}

package org.emailsms.gateway.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The failures the database really raises, as EclipseLink wraps them, told apart. */
class ConflictsTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void aDuplicateKeyIsAUniqueViolation() {
        long company = database.inTransaction(em -> {
            Company created = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(created);
            return created.getId();
        });
        database.inTransaction(em -> {
            restrict(em, company);
        });

        PersistenceException duplicate = assertThrows(PersistenceException.class,
                () -> database.inTransaction(em -> {
                    restrict(em, company);
                }));

        assertTrue(Conflicts.isUniqueViolation(duplicate), duplicate.toString());
    }

    @Test
    void aDuplicateKeyInAJdbcBatchIsOne() {
        long company = database.inTransaction(em -> {
            Company created = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(created);
            return created.getId();
        });

        PersistenceException failed = assertThrows(PersistenceException.class, () -> database.inTransaction(em -> {
            try (PreparedStatement insert = em.unwrap(Connection.class).prepareStatement(
                    "INSERT INTO destination_restriction (company_id, number) VALUES (?, ?)")) {
                for (int i = 0; i < 2; i++) {
                    insert.setLong(1, company);
                    insert.setString(2, "+61412345678");
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
        }));

        assertTrue(Conflicts.isUniqueViolation(failed), failed.toString());
        // As a driver may report it: the batch's own state unset, the statement's failure next.
        BatchUpdateException unset = new BatchUpdateException("batch entry 1 failed", null, 0, new int[0]);
        unset.setNextException(new SQLException("duplicate key", "23505"));
        assertTrue(Conflicts.isUniqueViolation(new PersistenceException(unset)));
    }

    @Test
    void aMissingReferenceIsNot() {
        PersistenceException orphan = assertThrows(PersistenceException.class,
                () -> database.inTransaction(em -> {
                    restrict(em, -1L);
                }));

        assertFalse(Conflicts.isUniqueViolation(orphan), orphan.toString());
        assertFalse(Conflicts.isUniqueViolation(new IllegalStateException("no database at all")));
    }

    private static void restrict(EntityManager em, long company) {
        em.createNativeQuery("INSERT INTO destination_restriction (company_id, number) VALUES (?1, ?2)")
                .setParameter(1, company).setParameter(2, "+61412345678").executeUpdate();
    }
}

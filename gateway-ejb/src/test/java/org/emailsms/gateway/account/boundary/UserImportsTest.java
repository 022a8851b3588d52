package org.emailsms.gateway.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.control.UserCsv;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulk upload stored on H2 with the migrated schema: one node at a time works on it under a lease,
 * another takes over once the lease has run out, and the refused rows export as a file that reads
 * back as an upload.
 */
class UserImportsTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void oneNodeWorksOnAnUploadUntilItsLeaseRunsOut() throws Exception {
        Fixture acme = fixture();
        long id = database.attempt(em -> imports(em).store(acme.admin, acme.company, "users.csv", rows()));

        assertTrue(database.inTransaction((EntityManager em) -> imports(em).stalled()).contains(id), "stored, not yet claimed");
        assertTrue(database.inTransaction((EntityManager em) -> imports(em).claim(id, "node-a")));
        assertFalse(database.inTransaction((EntityManager em) -> imports(em).claim(id, "node-b")), "held by node a");
        assertTrue(database.inTransaction((EntityManager em) -> imports(em).claim(id, "node-a")), "renewed by its holder");
        assertFalse(database.inTransaction((EntityManager em) -> imports(em).stalled()).contains(id));
        assertEquals(2, database.inTransaction((EntityManager em) -> imports(em).pending(id)).size());

        // Node a goes away: its lease runs out, and the sweep finds the upload for another node.
        database.inTransaction((EntityManager em) -> {
            em.createNativeQuery("UPDATE user_import SET lease_until = ?1 WHERE id = ?2")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)).setParameter(2, id).executeUpdate();
        });
        assertTrue(database.inTransaction((EntityManager em) -> imports(em).stalled()).contains(id));
        assertTrue(database.inTransaction((EntityManager em) -> imports(em).claim(id, "node-b")), "taken over");
        assertFalse(database.inTransaction((EntityManager em) -> imports(em).claim(id, "node-a")), "the old holder stops");

        long[] rows = database.inTransaction((EntityManager em) -> imports(em).pending(id)).stream().mapToLong(Long::longValue).toArray();
        database.inTransaction((EntityManager em) -> imports(em).refuseRow(rows[0], "'not-an-email' is not an email address."));
        database.inTransaction((EntityManager em) -> imports(em).refuseRow(rows[0], "a second outcome is ignored"));
        assertEquals(1, database.inTransaction((EntityManager em) -> imports(em).pending(id)).size());

        database.inTransaction((EntityManager em) -> imports(em).finish(id, "node-a"));
        assertFalse(database.attempt(em -> imports(em).latest(acme.admin, acme.company)).orElseThrow().isFinished(),
                "only the holder ends it");
        database.inTransaction((EntityManager em) -> imports(em).finish(id, "node-b"));
        UserImportProgress progress = database.attempt(em -> imports(em).latest(acme.admin, acme.company)).orElseThrow();
        assertTrue(progress.isFinished());
        assertEquals(2, progress.total());
        assertEquals(1, progress.refused());
        assertFalse(database.inTransaction((EntityManager em) -> imports(em).stalled()).contains(id));

        StringWriter csv = new StringWriter();
        database.attemptAction(em -> imports(em).exportRefused(acme.admin, id, csv));
        assertTrue(csv.toString().startsWith("username,email,department,role,mobile,line,reason"), csv.toString());
        List<UserCsv.Row> again = UserCsv.read(new StringReader(csv.toString()));
        assertEquals(List.of(new UserCsv.Row(2, "jdoe", "not-an-email", "", "SENDER", "+61412345678")), again,
                "the refused file uploads again as it is");

        String stranger = fixture().admin;
        assertThrows(UnknownAccountException.class,
                () -> database.attemptAction(em -> imports(em).exportRefused(stranger, id, new StringWriter())));
    }

    private static List<UserCsv.Row> rows() throws Exception {
        return UserCsv.read(new StringReader("username,email,department,role,mobile\n"
                + "jdoe,not-an-email,,SENDER,+61412345678\nasmith,alan@example.test,,,\n"));
    }

    private record Fixture(String admin, Long company) {
    }

    private static UserImports imports(EntityManager em) {
        UserImports cut = new UserImports();
        cut.em = em;
        cut.tenancy = new Tenancy(em);
        cut.audit = new AdminAudit(em);
        return cut;
    }

    private Fixture fixture() {
        return database.inTransaction((EntityManager em) -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User admin = User.companyUser(company, null, "a-" + UUID.randomUUID(), "a@example.test", Role.COMPANY_ADMIN, "h");
            em.persist(admin);
            return new Fixture(admin.getUsername(), company.getId());
        });
    }
}

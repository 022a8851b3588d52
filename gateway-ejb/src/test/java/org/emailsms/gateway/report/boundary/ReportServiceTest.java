package org.emailsms.gateway.report.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.emailsms.gateway.account.boundary.UnknownAccountException;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reports against the migrated schema on H2: filters, and never a row of another company. */
class ReportServiceTest {

    private static MigratedDatabase database;
    private static Tenant acme;
    private static Tenant globex;

    private record Tenant(Company company, User admin, User sender, Department department) {
    }

    @BeforeAll
    static void seed() {
        database = new MigratedDatabase();
        acme = tenant();
        globex = tenant();
        send(acme, "+61412000001", 1);
        send(acme, "+61412000002", 3);
        send(globex, "+61412000001", 1);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void showsOnlyTheCompanysOwnMessagesAndFiltersThem() throws Exception {
        TransactionFilter all = filter(acme);

        long count = call(cut -> cut.countTransactions(acme.admin().getUsername(), all));
        assertEquals(2, count);
        List<TransactionRow> toOne = call(cut -> cut.transactions(acme.admin().getUsername(),
                new TransactionFilter(acme.company().getId(), null, null, "0412 000 001", null, null, null), 0, 50));
        assertEquals(1, toOne.size(), "a national number is read in the company's country");
        assertEquals("+61412000001", toOne.get(0).destination());
        assertEquals(acme.department().getName(), toOne.get(0).department());
        List<Tally> byStatus = call(cut -> cut.byStatus(acme.admin().getUsername(), all));
        assertEquals(List.of(new Tally("PENDING", 2, 4)), byStatus);
    }

    @Test
    void anotherCompanysIdIsNotFound() {
        assertThrows(UnknownAccountException.class,
                () -> call(cut -> cut.countTransactions(acme.admin().getUsername(), filter(globex))));
        assertThrows(UnknownAccountException.class,
                () -> call(cut -> cut.loginAudit(acme.admin().getUsername(), globex.company().getId(), 10)));
    }

    @Test
    void exportsWhatTheFilterShowsAsCsv() throws Exception {
        StringWriter csv = new StringWriter();
        call(cut -> {
            cut.exportTransactions(acme.admin().getUsername(), new TransactionFilter(acme.company().getId(), null, null,
                    "+61412000002", null, null, null), csv);
            return null;
        });

        List<String> lines = csv.toString().lines().toList();
        assertEquals(2, lines.size(), csv.toString());
        assertTrue(lines.get(1).contains(",+61412000002,,3,PENDING,0,"), lines.get(1));
    }

    /** A report call that may refuse, on an entity manager of its own. */
    private interface ReportCall<T> {
        T on(ReportService cut) throws Exception;
    }

    private static <T> T call(ReportCall<T> call) throws Exception {
        return database.attempt(em -> {
            ReportService cut = new ReportService();
            cut.em = em;
            cut.tenancy = new Tenancy(em);
            return call.on(cut);
        });
    }

    private static TransactionFilter filter(Tenant tenant) {
        return new TransactionFilter(tenant.company().getId(), null, null, null, null, null, null);
    }

    private static Tenant tenant() {
        return database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            Department department = new Department(company, "Sales");
            em.persist(department);
            User admin = User.companyUser(company, null, "a-" + UUID.randomUUID(), "a@example.test", Role.COMPANY_ADMIN, "h");
            User sender = User.companyUser(company, department, "s-" + UUID.randomUUID(), "s@example.test", Role.SENDER, "h");
            em.persist(admin);
            em.persist(sender);
            return new Tenant(company, admin, sender, department);
        });
    }

    private static void send(Tenant tenant, String destination, int segments) {
        database.inTransaction(em -> {
            em.persist(new SmsMessage(em.find(User.class, tenant.sender().getId()), destination, "+61491570156",
                    new byte[] {1}, 0, segments, false, null));
        });
    }
}

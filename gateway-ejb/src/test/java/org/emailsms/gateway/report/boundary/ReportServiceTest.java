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
        List<TransactionRow> toOne = call(cut -> cut.olderThan(acme.admin().getUsername(),
                new TransactionFilter(acme.company().getId(), null, null, "0412 000 001", null, null, null), null, 50));
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

    /**
     * Summaries by day (in the company's zone), by user, by destination and country; the days whose
     * messages were archived are counted from the daily totals (never a number, which they do not keep).
     */
    @Test
    void summariesCountArchivedDaysFromTheTotalsAndDaysAreTheCompanysOwn() throws Exception {
        Tenant initech = tenant();
        long late = send(initech, "+61412000009", 2);
        send(initech, "+447400123456", 1);
        database.inTransaction(em -> {
            // 14:30 UTC on 1 March is already 2 March in Sydney (UTC+11).
            em.createNativeQuery("UPDATE sms_message SET created_at = ?1 WHERE id = ?2")
                    .setParameter(1, java.time.OffsetDateTime.parse("2026-03-01T14:30:00Z")).setParameter(2, late)
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO daily_total (company_id, total_day, department_id, user_id, country, status, source,
                    messages, segments) VALUES (?1, DATE '2025-11-20', ?2, ?3, 'AU', 'DELIVERED', 'ADD_IN', 40, 50),
                    (?1, DATE '2025-11-20', ?2, ?3, 'AU', 'REPLY', '', 7, 7)""")
                    .setParameter(1, initech.company().getId()).setParameter(2, initech.department().getId())
                    .setParameter(3, initech.sender().getId()).executeUpdate();
        });
        String admin = initech.admin().getUsername();
        TransactionFilter all = filter(initech);

        List<Tally> byDay = call(cut -> cut.byDay(admin, all));
        assertTrue(byDay.contains(new Tally("2026-03-02", 1, 2)), byDay.toString());
        assertEquals(new Tally("2025-11-20", 40, 50), byDay.get(0), "an archived day, without its replies");
        assertEquals(List.of(new Tally(initech.sender().getUsername(), 42, 53)), call(cut -> cut.byUser(admin, all)));
        assertEquals(List.of(new Tally("AU", 41, 52), new Tally("GB", 1, 1)), call(cut -> cut.byCountry(admin, all)));
        assertEquals(List.of(new Tally("+447400123456", 1, 1), new Tally("+61412000009", 1, 2)),
                call(cut -> cut.byDestination(admin, all, 10)), "numbers only of the messages online");
        assertEquals(true, call(cut -> cut.reachesArchivedDays(admin, all)));
        TransactionFilter thisYear = new TransactionFilter(initech.company().getId(), null, null, null, null,
                java.time.LocalDate.parse("2026-01-01"), null);
        assertEquals(false, call(cut -> cut.reachesArchivedDays(admin, thisYear)));
        assertEquals(2, call(cut -> cut.byStatus(admin, thisYear)).get(0).messages());
    }

    /** Pages by key, newest first, through rows that share a time. */
    @Test
    void theTransactionListPagesByKeyThroughRowsOfTheSameTime() throws Exception {
        Tenant hooli = tenant();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(send(hooli, "+6141200010" + i, 1));
        }
        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE sms_message SET created_at = ?1 WHERE id IN (?2, ?3, ?4)")
                    .setParameter(1, java.time.OffsetDateTime.parse("2026-11-01T10:00:00Z"))
                    .setParameter(2, ids.get(1)).setParameter(3, ids.get(2)).setParameter(4, ids.get(3)).executeUpdate();
        });
        String admin = hooli.admin().getUsername();
        TransactionFilter all = filter(hooli);

        List<Long> seen = new java.util.ArrayList<>();
        List<List<TransactionRow>> pages = new java.util.ArrayList<>();
        PageKey after = null;
        while (true) {
            PageKey from = after;
            List<TransactionRow> page = call(cut -> cut.olderThan(admin, all, from, 2));
            if (page.isEmpty()) {
                break;
            }
            pages.add(page);
            page.forEach(row -> seen.add(row.messageId()));
            after = PageKey.of(page.get(page.size() - 1));
        }
        assertEquals(List.of(ids.get(4), ids.get(0), ids.get(3), ids.get(2), ids.get(1)), seen,
                "newest first; of the same time, the later id first; none twice, none skipped");
        assertEquals(3, pages.size());
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

    private static long send(Tenant tenant, String destination, int segments) {
        return database.inTransaction(em -> {
            SmsMessage message = new SmsMessage(em.find(User.class, tenant.sender().getId()), destination,
                    "+61491570156", new byte[] {1}, 0, segments, false, null);
            em.persist(message);
            return message.getId();
        });
    }
}

package org.emailsms.gateway.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.LockoutPolicy;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.control.UserChanges;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit trail of administrators' actions on H2 with the migrated schema: what the changes write
 * (with the values before and after), that a refused change writes nothing, and who sees what.
 */
class AdminActionsTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void aCompanysAdministratorsSeeTheirCompanysActionsAndTheProviderSeesAll() throws Exception {
        Fixture acme = fixture();
        Fixture globex = fixture();
        String provider = database.inTransaction((EntityManager em) -> {
            User admin = User.providerAdministrator("p-" + UUID.randomUUID(), "p@example.test", "h");
            em.persist(admin);
            return admin.getUsername();
        });

        database.attemptAction(em -> users(em).changeStatus(acme.admin, acme.sender, AccountStatus.DISABLED));
        database.attemptAction(em -> users(em).change(acme.admin, acme.sender, "new@example.test", null, null,
                Role.COMPANY_ADMIN));
        database.attemptAction(em -> companies(em).changeLoginCriteria(acme.admin, acme.company, 12, 4, null, null));
        assertThrows(InvalidRequestException.class, () -> database.attemptAction(
                em -> users(em).changeStatus(acme.admin, acme.adminId, AccountStatus.DISABLED)), "not oneself");
        database.attemptAction(em -> users(em).unlock(globex.admin, globex.sender));

        List<AdminActionRecord> seen = database.attempt(em -> actions(em).find(acme.admin, all()));
        assertEquals(List.of(AdminActionKind.SETTINGS_CHANGED, AdminActionKind.CHANGED, AdminActionKind.DISABLED),
                seen.stream().map(AdminActionRecord::kind).toList(), "newest first; the refused change left nothing");
        AdminActionRecord changed = seen.get(1);
        assertEquals(acme.admin, changed.actor());
        assertEquals(AdminAudit.BACKGROUND, changed.channel(), "no HTTP request in a database test");
        assertTrue(changed.subject().contains("'" + acme.senderName + "'"), changed.subject());
        assertEquals("email: s@example.test → new@example.test; role: Sender → Company administrator", changed.details());
        assertEquals("minimum password length: 10 → 12; character classes: 3 → 4", seen.get(0).details());

        assertEquals(1, database.attempt(em -> actions(em).find(globex.admin, all())).size(), "only its own company's");
        assertThrows(UnknownAccountException.class, () -> database.attempt(
                em -> actions(em).find(globex.admin, new AdminActionFilter(acme.company, null, null, null, null))));
        List<AdminActionRecord> everything = database.attempt(em -> actions(em).find(provider, all()));
        assertTrue(everything.size() >= 4, "the provider sees every company's");
        assertEquals(1, database.attempt(em -> actions(em).find(provider,
                new AdminActionFilter(acme.company, acme.admin.substring(2, 10).toUpperCase(), AdminActionKind.DISABLED,
                        null, null))).size(), "by company, administrator (any case) and action");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(0, database.attempt(em -> actions(em).find(acme.admin,
                new AdminActionFilter(null, null, null, today.plusDays(1), null))).size(), "none from tomorrow on");
        assertEquals(3, database.attempt(em -> actions(em).find(acme.admin,
                new AdminActionFilter(null, null, null, today, today))).size());
        assertThrows(IllegalArgumentException.class, () -> new AdminActionFilter(null, null, null, today, today.minusDays(1)));

        StringWriter csv = new StringWriter();
        database.attemptAction(em -> actions(em).export(acme.admin, all(), csv));
        List<String> lines = csv.toString().lines().toList();
        assertEquals("acted_at,administrator,channel,client_ip,company,action,subject,details", lines.get(0));
        assertEquals(4, lines.size(), csv.toString());
        assertTrue(lines.get(3).contains(",Disabled,"), lines.get(3));
    }

    @Test
    void aCompanysAdministratorsSeeTheProvidersStaffAsTheProvider() throws Exception {
        Fixture acme = fixture();
        String provider = database.inTransaction((EntityManager em) -> {
            User admin = User.providerAdministrator("p-" + UUID.randomUUID(), "p@example.test", "h");
            em.persist(admin);
            return admin.getUsername();
        });
        database.attemptAction(em -> users(em).unlock(provider, acme.sender));
        database.attemptAction(em -> users(em).unlock(acme.admin, acme.sender));

        List<AdminActionRecord> seen = database.attempt(em -> actions(em).find(acme.admin, all()));
        assertEquals(List.of(acme.admin, AdminActions.PROVIDER), seen.stream().map(AdminActionRecord::actor).toList());
        assertEquals(List.of(acme.admin, provider), database.attempt(em -> actions(em).find(provider,
                new AdminActionFilter(acme.company, null, null, null, null))).stream().map(AdminActionRecord::actor).toList(),
                "the provider sees its own staff");
        StringWriter csv = new StringWriter();
        database.attemptAction(em -> actions(em).export(acme.admin, all(), csv));
        assertFalse(csv.toString().contains(provider), csv.toString());
        assertTrue(csv.toString().contains(",provider,"), csv.toString());
    }

    private static AdminActionFilter all() {
        return new AdminActionFilter(null, null, null, null, null);
    }

    private record Fixture(Long company, String admin, Long adminId, Long sender, String senderName) {
    }

    private static AdminActions actions(EntityManager em) {
        AdminActions cut = new AdminActions();
        cut.em = em;
        cut.tenancy = new Tenancy(em);
        return cut;
    }

    private static Users users(EntityManager em) {
        Users cut = new Users();
        cut.em = em;
        cut.tenancy = new Tenancy(em);
        cut.changes = new UserChanges(em);
        return cut;
    }

    private static Companies companies(EntityManager em) {
        Companies cut = new Companies();
        cut.em = em;
        cut.tenancy = new Tenancy(em);
        cut.audit = new AdminAudit(em);
        cut.lockout = LockoutPolicy.of(10, Duration.ofHours(1), Duration.ofHours(1));
        return cut;
    }

    /** A company with two administrators (so that one may be made a sender or disabled) and a sender. */
    private Fixture fixture() {
        return database.inTransaction((EntityManager em) -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User admin = User.companyUser(company, null, "a-" + UUID.randomUUID(), "a@example.test", Role.COMPANY_ADMIN, "h");
            User other = User.companyUser(company, null, "o-" + UUID.randomUUID(), "o@example.test", Role.COMPANY_ADMIN, "h");
            User sender = User.companyUser(company, null, "s-" + UUID.randomUUID(), "s@example.test", Role.SENDER, "h");
            em.persist(admin);
            em.persist(other);
            em.persist(sender);
            return new Fixture(company.getId(), admin.getUsername(), admin.getId(), sender.getId(), sender.getUsername());
        });
    }
}

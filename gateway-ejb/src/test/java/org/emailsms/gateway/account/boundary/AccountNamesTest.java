package org.emailsms.gateway.account.boundary;

import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The SOAP API's names to ids, on H2: a name of another tenant reads as unknown, like one that never was. */
class AccountNamesTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void namesResolveWithinTheAdministratorsReachOnly() throws Exception {
        Fixture acme = fixture();
        Fixture globex = fixture();

        assertEquals(acme.company, database.attempt(em -> names(em).companyId(acme.admin, " " + acme.companyName + " ")));
        assertEquals(acme.department, database.attempt(em -> names(em).departmentId(acme.admin, acme.company, "sales")),
                "department names in any case");
        assertNull(database.attempt(em -> names(em).departmentId(acme.admin, acme.company, " ")), "blank: no department");
        assertEquals(acme.sender, database.attempt(em -> names(em).userId(acme.admin, acme.senderName.toUpperCase())));

        assertThrows(UnknownAccountException.class,
                () -> database.attempt(em -> names(em).companyId(acme.admin, globex.companyName)));
        assertThrows(UnknownAccountException.class,
                () -> database.attempt(em -> names(em).departmentId(acme.admin, globex.company, "Sales")));
        assertThrows(UnknownAccountException.class,
                () -> database.attempt(em -> names(em).userId(acme.admin, globex.senderName)));
        UnknownAccountException none = assertThrows(UnknownAccountException.class,
                () -> database.attempt(em -> names(em).departmentId(acme.admin, acme.company, "Nowhere")));
        assertEquals("No department 'Nowhere' in " + acme.companyName + ".", none.getMessage());
        assertThrows(NotAuthorizedException.class,
                () -> database.attempt(em -> names(em).companyId(acme.senderName, acme.companyName)), "senders resolve nothing");
    }

    private record Fixture(Long company, String companyName, Long department, String admin, Long sender, String senderName) {
    }

    private static AccountNames names(EntityManager em) {
        AccountNames cut = new AccountNames();
        cut.em = em;
        cut.tenancy = new Tenancy(em);
        return cut;
    }

    private Fixture fixture() {
        return database.inTransaction((EntityManager em) -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            Department sales = new Department(company, "Sales");
            em.persist(sales);
            User admin = User.companyUser(company, null, "a-" + UUID.randomUUID(), "a@example.test", Role.COMPANY_ADMIN, "h");
            User sender = User.companyUser(company, sales, "s-" + UUID.randomUUID(), "s@example.test", Role.SENDER, "h");
            em.persist(admin);
            em.persist(sender);
            return new Fixture(company.getId(), company.getName(), sales.getId(), admin.getUsername(), sender.getId(),
                    sender.getUsername());
        });
    }
}

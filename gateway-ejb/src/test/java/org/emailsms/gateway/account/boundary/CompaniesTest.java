package org.emailsms.gateway.account.boundary;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.LockoutPolicy;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules behind the portal's company pages, against the migrated schema on H2. */
class CompaniesTest {

    private static MigratedDatabase database;

    @BeforeAll
    static void migrate() {
        database = new MigratedDatabase();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aDepartmentWithUsersIsNotDeletedAndAnEmptyOneFreesItsName() throws Exception {
        Fixture acme = fixture();

        assertThrows(InvalidRequestException.class, () -> run(cut -> cut.departments().delete(acme.admin, acme.department)));
        run(cut -> cut.departments().delete(acme.admin, acme.emptyDepartment));
        run(cut -> cut.departments().create(acme.admin, acme.company, "Empty", 5));
        AccountAlreadyExistsException sameButCase = assertThrows(AccountAlreadyExistsException.class,
                () -> run(cut -> cut.departments().create(acme.admin, acme.company, "SALES", null)),
                "ALREADY_EXISTS through the portal as through SOAP");
        assertTrue(sameButCase.getMessage().startsWith("Department 'SALES' exists already in "), sameButCase.getMessage());

        List<Department> departments = call(cut -> cut.departments().list(acme.admin, acme.company));
        assertEquals(List.of("Empty", "Sales"), departments.stream().map(Department::getName).toList());
    }

    @Test
    void aCompanyAdministratorReachesNeitherAnotherCompanyNorTheProvidersSettings() throws Exception {
        Fixture acme = fixture();
        Fixture globex = fixture();

        assertThrows(UnknownAccountException.class,
                () -> run(cut -> cut.companies().changeLoginCriteria(acme.admin, globex.company, 12, 3, 5, 30)));
        assertThrows(UnknownAccountException.class,
                () -> run(cut -> cut.departments().change(acme.admin, globex.department, "Mine now", 1)));
        assertThrows(UnknownAccountException.class,
                () -> call(cut -> cut.restrictions().add(acme.admin, globex.company, "0412345678")));
        assertThrows(NotAuthorizedException.class, () -> run(cut -> cut.companies().changeSettings(acme.admin, acme.company,
                new CompanySettings("Acme", "Australia/Sydney", Set.of(), 1_000_000, true, 10, true))));
        run(cut -> cut.companies().changeLoginCriteria(acme.admin, acme.company, 12, 3, 5, 90));
    }

    @Test
    void aCompanysLoginCriteriaMayOnlyBeStricterThanTheGateways() throws Exception {
        Fixture acme = fixture();

        InvalidRequestException threshold = assertThrows(InvalidRequestException.class,
                () -> run(cut -> cut.companies().changeLoginCriteria(acme.admin, acme.company, 12, 3, 11, 60)));
        assertTrue(threshold.getMessage().contains("at most 10"), threshold.getMessage());
        InvalidRequestException block = assertThrows(InvalidRequestException.class,
                () -> run(cut -> cut.companies().changeLoginCriteria(acme.admin, acme.company, 12, 3, 10, 59)));
        assertTrue(block.getMessage().contains("at least 60 minutes"), block.getMessage());
        assertEquals(null, database.entityManager().find(Company.class, acme.company).getLockoutThreshold());

        run(cut -> cut.companies().changeLoginCriteria(acme.admin, acme.company, 12, 3, 3, 120));
        assertEquals(3, database.entityManager().find(Company.class, acme.company).getLockoutThreshold());
    }

    @Test
    void aPastedListIsAddedWholeOrNotAtAll() throws Exception {
        Fixture acme = fixture();

        assertThrows(InvalidRequestException.class,
                () -> call(cut -> cut.restrictions().add(acme.admin, acme.company, "0412345678\nnot a number")));
        assertEquals(List.of(), call(cut -> cut.restrictions().list(acme.admin, acme.company)));
        call(cut -> cut.restrictions().add(acme.admin, acme.company, "0412345678, +61412345679\n0412345678"));

        assertEquals(List.of("+61412345678", "+61412345679"), call(cut -> cut.restrictions().list(acme.admin, acme.company)));
    }

    /** The companies list and picker read a page at a time from the database, a search's wildcards taken literally. */
    @Test
    void companiesAreFoundByPartOfTheirNameAPageAtATime() throws Exception {
        String tag = "Pg" + UUID.randomUUID().toString().substring(0, 8);
        String provider = database.inTransaction((EntityManager em) -> {
            for (String name : List.of(tag + "-b", tag + "-a", tag + "-c", tag + "%d")) {
                em.persist(new Company(name, "AU", java.time.ZoneId.of("Australia/Sydney")));
            }
            User admin = User.providerAdministrator("p-" + UUID.randomUUID(), "p@example.test", "h");
            em.persist(admin);
            return admin.getUsername();
        });

        assertEquals(4L, (long) call(cut -> cut.companies().count(provider, tag.toLowerCase())));
        assertEquals(List.of(tag + "-b"), call(cut -> cut.companies().find(provider, tag + "-", 1, 1)).stream()
                .map(Company::getName).toList(), "by name, the second page of one");
        assertEquals(List.of(tag + "%d"), call(cut -> cut.companies().find(provider, tag + "%", 10)).stream()
                .map(Company::getName).toList(), "% is a character, not a wildcard");
        Fixture acme = fixture();
        assertEquals(0L, (long) call(cut -> cut.companies().count(acme.admin, tag)), "a company administrator sees only its own");
    }

    private record Fixture(Long company, Long department, Long emptyDepartment, String admin) {
    }

    /** The administration boundaries of a company, on one transaction's entity manager. */
    private record Boundaries(Companies companies, Departments departments, DestinationRestrictions restrictions) {
    }

    /** One boundary call, in a transaction of its own. */
    private interface AdministrationCall<T> {
        T on(Boundaries cut) throws Exception;
    }

    /** For calls that return nothing. */
    private interface AdministrationAction {
        void on(Boundaries cut) throws Exception;
    }

    private static void run(AdministrationAction action) throws Exception {
        call(cut -> {
            action.on(cut);
            return null;
        });
    }

    private static <T> T call(AdministrationCall<T> call) throws Exception {
        return database.attempt(em -> {
            Companies companies = new Companies();
            companies.em = em;
            companies.tenancy = new Tenancy(em);
            companies.audit = new AdminAudit(em);
            companies.lockout = LockoutPolicy.of(10, Duration.ofHours(1), Duration.ofHours(1));
            Departments departments = new Departments();
            departments.em = em;
            departments.tenancy = new Tenancy(em);
            departments.audit = new AdminAudit(em);
            DestinationRestrictions restrictions = new DestinationRestrictions();
            restrictions.em = em;
            restrictions.tenancy = new Tenancy(em);
            restrictions.audit = new AdminAudit(em);
            return call.on(new Boundaries(companies, departments, restrictions));
        });
    }

    private static Fixture fixture() {
        return database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            Department department = new Department(company, "Sales");
            Department empty = new Department(company, "Empty");
            em.persist(department);
            em.persist(empty);
            User admin = User.companyUser(company, department, "a-" + UUID.randomUUID(), "a@example.test",
                    Role.COMPANY_ADMIN, "h");
            em.persist(admin);
            return new Fixture(company.getId(), department.getId(), empty.getId(), admin.getUsername());
        });
    }
}

package org.emailsms.gateway.account.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class UserTest {

    private final Company acme = new Company("Acme", "AU", ZoneId.of("Australia/Sydney"));

    @Test
    void aCompanyUserNeedsACompanyAndIsNeverAProviderAdministrator() {
        assertThrows(IllegalArgumentException.class,
                () -> User.companyUser(null, null, "alice", "a@example.test", Role.SENDER, "hash"));
        assertThrows(IllegalArgumentException.class,
                () -> User.companyUser(acme, null, "alice", "a@example.test", Role.PROVIDER_ADMIN, "hash"));
    }

    @Test
    void isActiveOnlyWhileItsCompanyAndDepartmentAre() {
        Department sales = new Department(acme, "Sales");
        User cut = User.companyUser(acme, sales, "alice", "a@example.test", Role.SENDER, "hash");
        assertTrue(cut.isActiveWithOrganisation());

        sales.changeStatus(AccountStatus.DISABLED);
        assertFalse(cut.isActiveWithOrganisation());
        sales.changeStatus(AccountStatus.ACTIVE);
        acme.changeStatus(AccountStatus.DISABLED);
        assertFalse(cut.isActiveWithOrganisation());
        acme.changeStatus(AccountStatus.ACTIVE);
        cut.changeStatus(AccountStatus.DISABLED);
        assertFalse(cut.isActiveWithOrganisation());
    }

    @Test
    void aGivenPasswordExpiresUnchangedAfterItsLifetimeAndAChosenOneNever() {
        Duration week = Duration.ofDays(7);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        User cut = User.companyUser(acme, null, "alice", "a@example.test", Role.SENDER, "hash");
        assertFalse(cut.isGivenPasswordExpired(now.plusDays(30), week), "a password chosen at creation is the user's");

        cut.requirePasswordChange();
        assertFalse(cut.isGivenPasswordExpired(now.plusDays(6), week));
        assertTrue(cut.isGivenPasswordExpired(now.plusDays(8), week), "generated at creation, unused for 8 days");

        cut.changePassword("chosen", true, now.plusDays(10));
        assertFalse(cut.isMustChangePassword());
        assertFalse(cut.isGivenPasswordExpired(now.plusDays(100), week));

        cut.changePassword("reset", false, now.plusDays(20));
        assertTrue(cut.isMustChangePassword());
        assertFalse(cut.isGivenPasswordExpired(now.plusDays(26), week), "counted from the reset");
        assertTrue(cut.isGivenPasswordExpired(now.plusDays(28), week));
    }

    @Test
    void aDepartmentOfAnotherCompanyIsRefused() {
        Department elsewhere = new Department(new Company("Globex", "NZ", ZoneId.of("Pacific/Auckland")), "Sales");
        assertThrows(IllegalArgumentException.class,
                () -> User.companyUser(acme, elsewhere, "alice", "a@example.test", Role.SENDER, "hash"));
    }

    @Test
    void aCompanyAdministratorAdministersOnlyItsOwnCompany() {
        User cut = User.companyUser(acme, null, "boss", "b@example.test", Role.COMPANY_ADMIN, "hash");
        assertTrue(cut.administers(acme));
        assertFalse(cut.administers(new Company("Globex", "NZ", ZoneId.of("Pacific/Auckland"))));
        assertTrue(User.providerAdministrator("root", "r@example.test", "hash").administers(acme));
    }

    @Test
    void theHomeCountryIsAlwaysAnAllowedDestination() {
        acme.allowDestinationCountries(List.of("nz"));
        assertTrue(acme.getAllowedCountries().containsAll(Set.of("AU", "NZ")));
        acme.allowDestinationCountries(List.of());
        assertTrue(acme.getAllowedCountries().contains("AU"));
    }
}

package org.emailsms.gateway.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.control.UserChanges;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.Activation;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The portal's user actions by id, against the migrated schema on H2: what each changes, and for whom. */
class UsersTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @Test
    void anAdministratorUnlocksDisablesRevokesAndDeletesAUserOfItsCompany() throws Exception {
        Fixture acme = fixture();

        database.attemptAction(em -> administration(em).unlock(acme.admin, acme.sender));
        User unlocked = user(acme.sender);
        assertEquals(0, unlocked.getFailedAttempts());
        assertNull(unlocked.getLockedUntil());

        database.attemptAction(em -> administration(em).changeStatus(acme.admin, acme.sender, AccountStatus.DISABLED));
        assertEquals(AccountStatus.DISABLED, user(acme.sender).getStatus());

        assertEquals(2, revokeActivations(acme.admin, acme.sender));
        assertEquals(0, revokeActivations(acme.admin, acme.sender), "none left live");

        database.attemptAction(em -> administration(em).delete(acme.admin, acme.sender));
        assertNotNull(user(acme.sender).getDeletedAt());
        assertThrows(UnknownAccountException.class,
                () -> database.attemptAction(em -> administration(em).unlock(acme.admin, acme.sender)),
                "a deleted user is gone from the pages");
    }

    @Test
    void anotherCompanysAdministratorChangesNothing() throws Exception {
        Fixture acme = fixture();
        String stranger = fixture().admin;

        assertThrows(UnknownAccountException.class,
                () -> database.attemptAction(em -> administration(em).unlock(stranger, acme.sender)));
        assertThrows(UnknownAccountException.class, () -> database.attemptAction(
                em -> administration(em).changeStatus(stranger, acme.sender, AccountStatus.DISABLED)));
        assertThrows(UnknownAccountException.class, () -> revokeActivations(stranger, acme.sender));
        assertThrows(UnknownAccountException.class,
                () -> database.attemptAction(em -> administration(em).delete(stranger, acme.sender)));
        assertThrows(UnknownAccountException.class,
                () -> database.attemptAction(em -> administration(em).delete(acme.admin, acme.adminId)),
                "nor does an administrator delete itself");

        User untouched = user(acme.sender);
        assertEquals(3, untouched.getFailedAttempts());
        assertEquals(AccountStatus.ACTIVE, untouched.getStatus());
        assertNull(untouched.getDeletedAt());
        assertEquals(2, revokeActivations(acme.admin, acme.sender), "both still live");
    }

    /** Every page after it would refuse them: an administrator cannot disable, demote or delete themselves, nor anyone the last. */
    @Test
    void anAdministratorNeitherLocksThemselvesOutNorRemovesTheLastAdministrator() throws Exception {
        Fixture acme = fixture();
        String provider = database.inTransaction(em -> {
            User created = User.providerAdministrator("p-" + UUID.randomUUID(), "p@example.test", "h");
            em.persist(created);
            return created.getUsername();
        });

        InvalidRequestException disableSelf = assertThrows(InvalidRequestException.class, () -> database.attemptAction(
                em -> administration(em).changeStatus(acme.admin, acme.adminId, AccountStatus.DISABLED)));
        assertEquals("You cannot disable yourself: another administrator must.", disableSelf.getMessage());
        assertThrows(InvalidRequestException.class, () -> database.attemptAction(em -> administration(em)
                .change(acme.admin, acme.adminId, "a@example.test", null, null, Role.SENDER)), "nor demote themselves");
        InvalidRequestException last = assertThrows(InvalidRequestException.class, () -> database.attemptAction(
                em -> administration(em).changeStatus(provider, acme.adminId, AccountStatus.DISABLED)));
        assertTrue(last.getMessage().contains("is the last active administrator of Co "), last.getMessage());
        assertEquals(AccountStatus.ACTIVE, user(acme.adminId).getStatus());
        assertEquals(Role.COMPANY_ADMIN, user(acme.adminId).getRole());

        database.attemptAction(em -> administration(em).change(acme.admin, acme.sender, "s@example.test", null, null,
                Role.COMPANY_ADMIN));
        database.attemptAction(em -> administration(em).changeStatus(provider, acme.adminId, AccountStatus.DISABLED));
        assertEquals(AccountStatus.DISABLED, user(acme.adminId).getStatus(), "with another administrator left");
    }

    /** Whoever knew the old password may have activated an add-in: a reset ends every activation. */
    @Test
    void aPasswordResetRevokesTheActivationsAndMustBeChangedAtTheNextSignIn() throws Exception {
        Fixture acme = fixture();

        int revoked = database.attempt(em -> new UserChanges(em).resetPassword(em.find(User.class, acme.adminId),
                em.find(User.class, acme.sender), "new-hash"));

        assertEquals(2, revoked);
        User reset = user(acme.sender);
        assertEquals("new-hash", reset.getPasswordHash());
        assertTrue(reset.isMustChangePassword());
        assertNotNull(reset.getPasswordChangedAt());
        assertEquals(0, reset.getFailedAttempts());
        assertEquals(0, revokeActivations(acme.admin, acme.sender), "none left live");
    }

    private record Fixture(String admin, Long adminId, Long sender) {
    }

    private int revokeActivations(String actor, Long user) throws Exception {
        return database.attempt(em -> administration(em).revokeActivations(actor, user));
    }

    /** The boundary on one transaction's entity manager, as the container would inject it. */
    private static Users administration(EntityManager em) {
        Users cut = new Users();
        cut.em = em;
        cut.tenancy = new Tenancy(em);
        cut.changes = new UserChanges(em);
        return cut;
    }

    private User user(Long id) {
        return database.inTransaction(em -> {
            return em.find(User.class, id);
        });
    }

    /** A company with an administrator and a sender who has two live activations and a lockout. */
    private Fixture fixture() {
        return database.inTransaction((EntityManager em) -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User admin = User.companyUser(company, null, "a-" + UUID.randomUUID(), "a@example.test",
                    Role.COMPANY_ADMIN, "h");
            User sender = User.companyUser(company, null, "s-" + UUID.randomUUID(), "s@example.test", Role.SENDER, "h");
            em.persist(admin);
            em.persist(sender);
            em.persist(new Activation(sender, "serial-" + UUID.randomUUID(), "Outlook", "127.0.0.1", null));
            em.persist(new Activation(sender, "serial-" + UUID.randomUUID(), "Outlook", "127.0.0.1", null));
            em.flush();
            em.createNativeQuery("UPDATE gateway_user SET failed_attempts = 3, locked_until = ?1 WHERE id = ?2")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30)).setParameter(2, sender.getId())
                    .executeUpdate();
            return new Fixture(admin.getUsername(), admin.getId(), sender.getId());
        });
    }
}

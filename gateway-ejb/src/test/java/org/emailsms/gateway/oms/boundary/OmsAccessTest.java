package org.emailsms.gateway.oms.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.boundary.AccountDisabledException;
import org.emailsms.gateway.account.boundary.AccountLockedException;
import org.emailsms.gateway.account.boundary.AuthenticationFailedException;
import org.emailsms.gateway.account.control.Authenticator;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.LoginChannel;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.oms.control.OmsSettings;
import org.emailsms.gateway.oms.control.RememberedPasswords;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A password remembered after a full check stands in for it only while it still may: a changed
 * password, a disabled account and a block all end it, on the migrated schema on H2.
 */
class OmsAccessTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    private final RememberedPasswords remembered = new RememberedPasswords();
    private final AtomicInteger fullChecks = new AtomicInteger();

    @Test
    void aRememberedPasswordSparesTheFullCheckUntilThePasswordChanges() throws Exception {
        User user = user();

        signIn(user, "secret");
        signIn(user, "secret");
        assertEquals(1, fullChecks.get(), "the second sign-in used the remembered password");

        database.inTransaction(em -> {
            em.find(User.class, user.getId()).changePassword("another-hash", true, java.time.OffsetDateTime.now(ZoneOffset.UTC));
        });
        signIn(user, "secret");
        assertEquals(2, fullChecks.get(), "a changed password is checked in full again");
    }

    @Test
    void aDisabledOrBlockedAccountEndsTheRememberedPassword() throws Exception {
        User user = user();
        signIn(user, "secret");

        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE gateway_user SET locked_until = ?1 WHERE id = ?2")
                    .setParameter(1, Instant.now().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                    .setParameter(2, user.getId()).executeUpdate();
        });
        assertThrows(AccountLockedException.class, () -> signIn(user, "secret"));

        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE gateway_user SET locked_until = NULL WHERE id = ?1").setParameter(1, user.getId())
                    .executeUpdate();
        });
        signIn(user, "secret");
        database.inTransaction(em -> {
            em.find(User.class, user.getId()).changeStatus(AccountStatus.DISABLED);
        });
        assertThrows(AccountDisabledException.class, () -> signIn(user, "secret"));
        assertEquals(2, fullChecks.get());
    }

    private void signIn(User user, String password) throws Exception {
        database.attempt(em -> access(em).signIn(user.getUsername(), password, "198.51.100.1"));
    }

    private OmsAccess access(EntityManager em) {
        OmsAccess cut = new OmsAccess();
        cut.em = em;
        cut.remembered = remembered;
        cut.settings = new OmsSettings() {
            @Override
            public Duration passwordMemory() {
                return Duration.ofMinutes(5);
            }
        };
        cut.authenticator = new Authenticator() {
            @Override
            public User authenticate(String username, String password, String clientIp, LoginChannel channel)
                    throws AuthenticationFailedException {
                fullChecks.incrementAndGet();
                User found = em.createNamedQuery("User.findByUsername", User.class).setParameter("username", username)
                        .getSingleResult();
                if (!"secret".equals(password)) {
                    throw new AuthenticationFailedException("Wrong username or password.");
                }
                return found;
            }
        };
        return cut;
    }

    private User user() {
        return database.inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User user = User.companyUser(company, null, "u-" + UUID.randomUUID(), "u@example.test", Role.SENDER, "hash");
            em.persist(user);
            return user;
        });
    }
}

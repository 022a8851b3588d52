package org.emailsms.gateway.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.account.control.KnownSerials;
import org.emailsms.gateway.account.control.SenderRows;
import org.emailsms.gateway.account.control.SerialNumbers;
import org.emailsms.gateway.account.entity.Activation;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Serials as they are kept and checked, against the migrated schema on H2. */
class ActivationServiceTest {

    private static final SerialNumbers SERIALS = SerialNumbers.withKey(new byte[32]);
    private static final String SERIAL = "4829301928374650";

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    /** Rows of earlier versions hold a plain SHA-256: the add-in keeps working, and the row is rekeyed. */
    @Test
    void aSerialKeptUnderThePlainHashOfEarlierVersionsWorksOnceMoreAndIsRekeyed() throws Exception {
        long user = userWithActivation(SERIALS.legacyHash(SERIAL), false, OffsetDateTime.now(ZoneOffset.UTC));

        assertEquals(user, (long) database.attempt(em -> service(em).userOf(SERIAL).getId()));

        Object[] row = database.inTransaction(em -> (Object[]) em.createNativeQuery(
                "SELECT serial_hash, keyed FROM activation WHERE user_id = ?1").setParameter(1, user).getSingleResult());
        assertEquals(SERIALS.hash(SERIAL), row[0], "now under the keyed hash");
        assertEquals(Boolean.TRUE, row[1]);
        assertEquals(user, (long) database.attempt(em -> service(em).userOf(SERIAL).getId()), "and found by it");
    }

    @Test
    void aSerialUnusedForLongerThanTheMaximumIdleTimeStopsWorking() {
        userWithActivation(SERIALS.hash(SERIAL), true, OffsetDateTime.now(ZoneOffset.UTC).minusDays(181));

        AuthenticationFailedException refused = assertThrows(AuthenticationFailedException.class,
                () -> database.attempt(em -> service(em).userOf(SERIAL)));
        assertTrue(refused.getMessage().contains("180 days"), refused.getMessage());
    }

    @Test
    void aSerialIssuedLongerAgoThanTheMaximumAgeStopsWorkingHoweverOftenUsed() {
        long userId = userWithActivation(SERIALS.hash(SERIAL), true, OffsetDateTime.now(ZoneOffset.UTC).minusDays(400));
        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE activation SET last_used_at = ?1 WHERE user_id = ?2")
                    .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(2, userId).executeUpdate();
        });

        AuthenticationFailedException refused = assertThrows(AuthenticationFailedException.class,
                () -> database.attempt(em -> service(em).userOf(SERIAL)));
        assertTrue(refused.getMessage().contains("365 days") && refused.getMessage().contains("activate the add-in again"),
                refused.getMessage());
    }

    @Test
    void aSerialThatCameOverPlainHttpIsRevokedAndAnUnknownOneTellsNothing() throws Exception {
        userWithActivation(SERIALS.hash(SERIAL), true, OffsetDateTime.now(ZoneOffset.UTC));

        assertFalse(revokeExposed("1111222233334444"));
        assertTrue(revokeExposed(SERIAL));
        assertThrows(AuthenticationFailedException.class, () -> database.attempt(em -> service(em).userOf(SERIAL)));
        assertFalse(revokeExposed(SERIAL), "revoked once");
    }

    private boolean revokeExposed(String serial) {
        return database.inTransaction(em -> {
            return service(em).revokeExposed(serial);
        });
    }

    @Test
    void theHashOfAnotherKeyFindsNothing() {
        userWithActivation(SerialNumbers.withKey(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).hash(SERIAL), true,
                OffsetDateTime.now(ZoneOffset.UTC));

        assertThrows(AuthenticationFailedException.class, () -> database.attempt(em -> service(em).userOf(SERIAL)));
    }

    /**
     * A serial checked once is not looked up again for the cache time (a revocation on another
     * node takes that long here), but a disabled account is refused at once, and a revocation
     * made on this node forgets the serial at once.
     */
    @Test
    void aCheckedSerialIsRememberedForAWhileButADisabledAccountIsRefusedAtOnce() throws Exception {
        KnownSerials known = new KnownSerials(Duration.ofMinutes(1));
        long userId = userWithActivation(SERIALS.hash(SERIAL), true, OffsetDateTime.now(ZoneOffset.UTC));
        database.attempt(em -> service(em, known).userOf(SERIAL));
        database.inTransaction(em -> {
            em.createNativeQuery("DELETE FROM activation").executeUpdate();
        });

        assertEquals(userId, database.attempt(em -> service(em, known).userOf(SERIAL)).getId(),
                "remembered: the revocation elsewhere is not seen yet");
        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE gateway_user SET status = 'DISABLED'").executeUpdate();
        });
        assertThrows(AccountDisabledException.class, () -> database.attempt(em -> service(em, known).userOf(SERIAL)));
        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE gateway_user SET status = 'ACTIVE'").executeUpdate();
        });
        known.forgetUser(userId);
        assertThrows(AuthenticationFailedException.class, () -> database.attempt(em -> service(em, known).userOf(SERIAL)),
                "forgotten: looked up again, and the activation is gone");
    }

    /**
     * What sending reads of a serial's user, company and department comes from one statement, on a
     * serial this node knows as on one it looks up; a department disabled since is refused at once.
     */
    @Test
    void theSenderOfASerialCarriesItsCompanysAndDepartmentsSettingsAndADisabledDepartmentIsRefused()
            throws Exception {
        KnownSerials known = new KnownSerials(Duration.ofMinutes(1));
        long[] ids = database.inTransaction((EntityManager em) -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            company.limitDailyQuota(100);
            company.allowDestinationCountries(List.of("AU", "NZ"));
            em.persist(company);
            Department sales = new Department(company, "Sales");
            sales.limitDailyQuota(7);
            em.persist(sales);
            User user = User.companyUser(company, sales, "s-" + UUID.randomUUID(), "s@example.test", Role.SENDER, "h");
            em.persist(user);
            em.persist(new Activation(user, SERIALS.hash(SERIAL), "Outlook", "127.0.0.1", null));
            em.flush();
            em.createNativeQuery("INSERT INTO destination_restriction (company_id, number) VALUES (?1, '+61412345678')")
                    .setParameter(1, company.getId()).executeUpdate();
            return new long[] {company.getId(), sales.getId(), user.getId()};
        });

        Sender lookedUp = database.attempt(em -> service(em, known).senderOf(SERIAL));
        Sender sender = database.attempt(em -> service(em, known).senderOf(SERIAL));

        assertEquals(lookedUp, sender, "the same, whether the serial was looked up or known");
        assertEquals(ids[2], sender.userId());
        assertEquals(ids[0], sender.companyId());
        assertEquals("AU", sender.homeCountry());
        assertEquals(ZoneId.of("Australia/Sydney"), sender.timeZone());
        assertEquals(Set.of("AU", "NZ"), sender.allowedCountries());
        assertEquals(100, sender.companyDailyQuota());
        assertEquals(ids[1], sender.departmentId());
        assertEquals(7, sender.departmentDailyQuota());
        assertTrue(sender.destinationsRestricted());
        database.inTransaction(em -> {
            em.createNativeQuery("UPDATE department SET status = 'DISABLED' WHERE id = ?1")
                    .setParameter(1, ids[1]).executeUpdate();
        });
        assertThrows(AccountDisabledException.class, () -> database.attempt(em -> service(em, known).senderOf(SERIAL)));
        assertThrows(AccountDisabledException.class, () -> database.attempt(em -> service(em, known).sender(ids[2])));
    }

    private static ActivationService service(EntityManager em) {
        return service(em, new KnownSerials());
    }

    private static ActivationService service(EntityManager em, KnownSerials known) {
        ActivationService cut = new ActivationService();
        cut.em = em;
        cut.serials = SERIALS;
        cut.knownSerials = known;
        cut.senderRows = new SenderRows(em);
        cut.maxIdle = Duration.ofDays(180);
        cut.maxAge = Duration.ofDays(365);
        return cut;
    }

    private long userWithActivation(String serialHash, boolean keyed, OffsetDateTime lastUsed) {
        return database.inTransaction((EntityManager em) -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            User user = User.companyUser(company, null, "s-" + UUID.randomUUID(), "s@example.test", Role.SENDER, "h");
            em.persist(user);
            Activation activation = new Activation(user, serialHash, "Outlook", "127.0.0.1", null);
            em.persist(activation);
            em.flush();
            em.createNativeQuery("UPDATE activation SET keyed = ?1, last_used_at = ?2, created_at = ?2 WHERE id = ?3")
                    .setParameter(1, keyed).setParameter(2, lastUsed).setParameter(3, activation.getId()).executeUpdate();
            return user.getId();
        });
    }
}

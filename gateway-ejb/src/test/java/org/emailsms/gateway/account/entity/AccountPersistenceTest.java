package org.emailsms.gateway.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.emailsms.gateway.platform.entity.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The entities and their named queries against the schema the migrations build, on H2 as embedded
 * by default: mappings match the columns, and the lockout counter is exact under concurrency.
 */
class AccountPersistenceTest {

    private static final int THRESHOLD = 10;
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
    void storesAndFindsACompanyWithItsDepartmentAndUser() {
        String name = "Acme " + UUID.randomUUID();
        inTransaction(em -> {
            Company company = new Company(name, "AU", ZoneId.of("Australia/Sydney"));
            company.allowDestinationCountries(List.of("NZ"));
            em.persist(company);
            Department sales = new Department(company, "Sales");
            em.persist(sales);
            User user = User.companyUser(company, sales, "u-" + name.hashCode(), "u@example.test", Role.SENDER, "hash");
            user.changeMobile("+61412345678");
            em.persist(user);
        });

        EntityManager em = database.entityManager();
        Company found = em.createNamedQuery("Company.findByName", Company.class).setParameter("name", name).getSingleResult();
        assertEquals(Set.of("AU", "NZ"), found.getAllowedCountries());
        assertEquals(ZoneId.of("Australia/Sydney"), found.getTimeZone());
        User user = em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", "u-" + name.hashCode()).getSingleResult();
        assertEquals("Sales", user.getDepartment().getName());
        assertEquals(0, user.getFailedAttempts());
        em.close();
    }

    /** 40 racing attempts: exactly threshold + 1 reserve a password check, the rest find the block. */
    @Test
    void reservesExactlyOneCheckPastTheThresholdUnderConcurrency() throws Exception {
        long id = newUser();
        int threads = 8;
        int perThread = 5;
        AtomicInteger reserved = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int[] rows = new int[1];
                        inTransaction(em -> { rows[0] = recordFailure(em, id, OffsetDateTime.now(ZoneOffset.UTC)); });
                        reserved.addAndGet(rows[0]);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        User user = reload(id);
        assertEquals(THRESHOLD + 1, reserved.get());
        assertEquals(THRESHOLD + 1, user.getFailedAttempts());
        assertNotNull(user.getLockedUntil());
    }

    @Test
    void locksOnlyAfterMoreThanThresholdFailuresInTheWindow() {
        long id = newUser();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < THRESHOLD; i++) {
            inTransaction(em -> { recordFailure(em, id, now); });
        }
        assertNull(reload(id).getLockedUntil(), "ten failures do not lock");

        inTransaction(em -> { recordFailure(em, id, now); });

        assertTrue(reload(id).isLockedAt(now.toInstant()), "the eleventh does");
    }

    @Test
    void startsCountingAgainOnceTheWindowHasPassed() {
        long id = newUser();
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2);
        for (int i = 0; i < THRESHOLD; i++) {
            inTransaction(em -> { recordFailure(em, id, longAgo); });
        }

        inTransaction(em -> { recordFailure(em, id, OffsetDateTime.now(ZoneOffset.UTC)); });

        User user = reload(id);
        assertEquals(1, user.getFailedAttempts());
        assertNull(user.getLockedUntil());
    }

    @Test
    void clearingFailuresUnlocks() {
        long id = newUser();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i <= THRESHOLD; i++) {
            inTransaction(em -> { recordFailure(em, id, now); });
        }

        inTransaction(em -> em.createNamedQuery("User.clearFailedAttempts").setParameter("id", id).executeUpdate());

        User user = reload(id);
        assertEquals(0, user.getFailedAttempts());
        assertNull(user.getLockedUntil());
    }

    /** The reservation LoginThrottle runs, with a one-hour window and block: 1 reserved, 0 blocked. */
    private static int recordFailure(EntityManager em, long id, OffsetDateTime now) {
        return em.createNamedQuery("User.reservePasswordCheck")
                .setParameter("id", id)
                .setParameter("now", now)
                .setParameter("windowStart", now.minusHours(1))
                .setParameter("threshold", THRESHOLD)
                .setParameter("lockedUntil", now.plusHours(1))
                .executeUpdate();
    }

    private static long newUser() {
        User[] user = new User[1];
        inTransaction(em -> {
            Company company = new Company("Co " + UUID.randomUUID(), "AU", ZoneId.of("Australia/Sydney"));
            em.persist(company);
            user[0] = User.companyUser(company, null, "user-" + UUID.randomUUID(), "u@example.test", Role.SENDER, "hash");
            em.persist(user[0]);
        });
        return user[0].getId();
    }

    private static User reload(long id) {
        EntityManager em = database.entityManager();
        try {
            return em.find(User.class, id);
        } finally {
            em.close();
        }
    }

    private static void inTransaction(Consumer<EntityManager> work) {
        database.inTransaction(work);
    }
}

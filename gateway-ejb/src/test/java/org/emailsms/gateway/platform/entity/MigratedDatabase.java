package org.emailsms.gateway.platform.entity;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For the database tests: a fresh in-memory H2 database migrated by the real Flyway scripts, and
 * the entities on it through EclipseLink outside the container (persistence unit gateway-test).
 * As a {@code @RegisterExtension} instance field: a fresh database for each test, closed after it.
 */
public final class MigratedDatabase implements AutoCloseable, AfterEachCallback {

    private final EntityManagerFactory emf;

    public MigratedDatabase() {
        this("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** On a database of the caller's, such as an H2 file for a benchmark. */
    public MigratedDatabase(String url) {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        emf = Persistence.createEntityManagerFactory("gateway-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", ""));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    public EntityManager entityManager() {
        return emf.createEntityManager();
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public void inTransaction(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Work that may refuse with a checked exception, as a boundary does. */
    @FunctionalInterface
    public interface Attempt<T> {
        T on(EntityManager em) throws Exception;
    }

    /**
     * Runs {@code work} in a transaction of its own; if it throws, that exception is rethrown
     * (not the rollback it caused), so a test sees the boundary's own refusal.
     */
    public <T> T attempt(Attempt<T> work) throws Exception {
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        try {
            inTransaction(em -> {
                try {
                    result[0] = work.on(em);
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
        } catch (RuntimeException rolledBack) {
            if (failure[0] == null) {
                throw rolledBack;
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        @SuppressWarnings("unchecked")
        T typed = (T) result[0];
        return typed;
    }

    /** Work that returns nothing and may refuse with a checked exception. */
    @FunctionalInterface
    public interface Action {
        void on(EntityManager em) throws Exception;
    }

    /** {@link #attempt} for work that returns nothing. */
    public void attemptAction(Action work) throws Exception {
        attempt(em -> {
            work.on(em);
            return null;
        });
    }

    @Override
    public void close() {
        emf.close();
    }
}

package org.emailsms.gateway.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Read-only views of the accounts for the portal. */
@Stateless
public class AccountDirectory {

    /** How many companies, departments and (not deleted) users exist. */
    public record Totals(long companies, long departments, long users) implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    public Totals totals() {
        return new Totals(
                em.createQuery("SELECT COUNT(c) FROM Company c", Long.class).getSingleResult(),
                em.createQuery("SELECT COUNT(d) FROM Department d", Long.class).getSingleResult(),
                em.createQuery("SELECT COUNT(u) FROM User u WHERE u.deletedAt IS NULL", Long.class).getSingleResult());
    }
}

package org.emailsms.gateway.message.control;

import java.time.LocalDate;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Creates a day's usage counter the first time it is needed. Two first senders may race: the loser
 * gets a duplicate key here, in its own transaction, and goes on with the row the winner made.
 */
@Stateless
public class UsageRows {

    @PersistenceContext
    EntityManager em;

    // A transaction of its own: a concurrent creator's duplicate key must not spoil the sender's.
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensure(String scope, long id, LocalDate day) {
        Number existing = (Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM daily_usage WHERE scope = ?1 AND scope_id = ?2 AND usage_day = ?3")
                .setParameter(1, scope).setParameter(2, id).setParameter(3, day).getSingleResult();
        if (existing.intValue() > 0) {
            return;
        }
        em.createNativeQuery("INSERT INTO daily_usage (scope, scope_id, usage_day, segments) VALUES (?1, ?2, ?3, 0)")
                .setParameter(1, scope).setParameter(2, id).setParameter(3, day).executeUpdate();
    }
}

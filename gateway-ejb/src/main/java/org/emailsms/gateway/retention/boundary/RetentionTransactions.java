package org.emailsms.gateway.retention.boundary;

import java.util.function.Function;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.retention.control.RetentionRunner;

/**
 * Each step of the retention job in a short transaction of its own, so that it never holds locks for
 * long. A local bean as well: implementing the runner's interface would otherwise hide the class view.
 */
@Stateless
@LocalBean
public class RetentionTransactions implements RetentionRunner.Transactions {

    @PersistenceContext
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T inNew(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}

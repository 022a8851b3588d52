package org.emailsms.gateway.smsc.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The outbound queue's depth: messages accepted but not yet with the SMSC (PENDING, or FAIL
 * awaiting a retry), counted in the database so that every node reports the same.
 */
@Stateless
public class OutboundBacklog {

    @PersistenceContext
    EntityManager em;

    public long waiting() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM sms_message WHERE status IN ('PENDING', 'FAIL')")
                .getSingleResult()).longValue();
    }
}

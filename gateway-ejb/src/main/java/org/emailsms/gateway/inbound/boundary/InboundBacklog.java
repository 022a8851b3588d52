package org.emailsms.gateway.inbound.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Stored deliver_sm PDUs not processed yet, counted in the database so that every node reports the
 * same: those still to be processed (a few in normal running, receipts that overtook their
 * acknowledgement among them) and those given up (alert on these: kept with last_error).
 */
@Stateless
public class InboundBacklog {

    @PersistenceContext
    EntityManager em;

    public long waiting() {
        return count("SELECT COUNT(*) FROM inbound_pdu WHERE next_attempt_at IS NOT NULL");
    }

    public long givenUp() {
        return count("SELECT COUNT(*) FROM inbound_pdu WHERE next_attempt_at IS NULL");
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}

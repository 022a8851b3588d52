package org.emailsms.gateway.mail.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The outbox's depth, counted in the database so that every node reports the same: emails waiting
 * to be sent, and of those the ones the SMTP server has refused or could not be reached for.
 */
@Stateless
public class MailBacklog {

    @PersistenceContext
    EntityManager em;

    public long pending() {
        return count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'");
    }

    public long retrying() {
        return count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING' AND attempts > 0");
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}

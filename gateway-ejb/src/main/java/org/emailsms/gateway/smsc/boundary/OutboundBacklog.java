package org.emailsms.gateway.smsc.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.message.entity.SmsMessage;
import org.emailsms.gateway.platform.control.CarrierNames;
import org.emailsms.gateway.platform.control.Timestamps;

/**
 * The outbound queue's depth: messages accepted but not yet with the SMSC (PENDING, or FAIL
 * awaiting a retry), counted in the database so that every node reports the same.
 */
@Stateless
public class OutboundBacklog {

    @PersistenceContext
    EntityManager em;

    /** When the longest-waiting of them was due: a retry's next attempt, else its schedule, else its acceptance. */
    public Optional<Instant> oldestWaitingDue() {
        Object oldest = em.createNativeQuery("""
                SELECT MIN(CASE WHEN status = 'FAIL' THEN next_attempt_at ELSE COALESCE(scheduled_at, created_at) END)
                FROM sms_message WHERE status IN ('PENDING', 'FAIL')""").getSingleResult();
        return oldest == null ? Optional.empty() : Optional.of(Timestamps.utc(oldest).toInstant());
    }

    /**
     * The waiting messages by the first carrier of their routes ({@value CarrierNames#DEFAULT} for
     * messages without one): what each carrier has still to take.
     */
    public Map<String, Long> waitingByFirstCarrier() {
        Map<String, Long> waiting = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT route, COUNT(*) FROM sms_message "
                + "WHERE status IN ('PENDING', 'FAIL') GROUP BY route").getResultList()) {
            Object[] columns = (Object[]) row;
            String route = (String) columns[0];
            List<String> carriers = SmsMessage.routeOf(route);
            String first = carriers.isEmpty() ? CarrierNames.DEFAULT : carriers.get(0);
            waiting.merge(first, ((Number) columns[1]).longValue(), Long::sum);
        }
        return waiting;
    }

    public long waiting() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM sms_message WHERE status IN ('PENDING', 'FAIL')")
                .getSingleResult()).longValue();
    }
}

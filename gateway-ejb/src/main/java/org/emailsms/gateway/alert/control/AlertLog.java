package org.emailsms.gateway.alert.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.platform.control.Timestamps;

/**
 * The alerts' rows: raising and clearing are conditional updates, so that of the nodes that see a
 * change only one is told it made it, and only that one mails. In the caller's transaction.
 */
@Dependent
public class AlertLog {

    static final int MAX_DETAIL = 500;

    /** An alert raised and not cleared. */
    public record Active(String key, Instant raisedAt, String detail) {
    }

    @PersistenceContext
    EntityManager em;

    public AlertLog() {
    }

    /** Outside the container (tests). */
    public AlertLog(EntityManager em) {
        this.em = em;
    }

    /** True if this call raised it (it was not active); the caller then tells the administrators. */
    public boolean raise(String key, String detail, Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        String text = detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        int raised = em.createNativeQuery("UPDATE gateway_alert SET active = TRUE, raised_at = ?1, cleared_at = NULL, "
                        + "detail = ?2 WHERE alert_key = ?3 AND active = FALSE")
                .setParameter(1, when).setParameter(2, text).setParameter(3, key).executeUpdate();
        if (raised == 1) {
            return true;
        }
        // Never raised before: the insert decides; a node that inserted it meanwhile wins on the key.
        // The casts give PostgreSQL the parameters' types, which a SELECT list does not.
        return em.createNativeQuery("INSERT INTO gateway_alert (alert_key, active, raised_at, detail) "
                        + "SELECT CAST(?1 AS VARCHAR(80)), TRUE, CAST(?2 AS TIMESTAMP WITH TIME ZONE), "
                        + "CAST(?3 AS VARCHAR(500)) WHERE NOT EXISTS "
                        + "(SELECT 1 FROM gateway_alert WHERE alert_key = CAST(?1 AS VARCHAR(80)))")
                .setParameter(1, key).setParameter(2, when).setParameter(3, text).executeUpdate() == 1;
    }

    /** True if this call cleared it (it was active). */
    public boolean clear(String key, Instant at) {
        return em.createNativeQuery("UPDATE gateway_alert SET active = FALSE, cleared_at = ?1 "
                        + "WHERE alert_key = ?2 AND active = TRUE")
                .setParameter(1, at.atOffset(ZoneOffset.UTC)).setParameter(2, key).executeUpdate() == 1;
    }

    /** The alerts raised and not cleared, oldest first. */
    public List<Active> active() {
        List<Active> active = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT alert_key, raised_at, detail FROM gateway_alert "
                + "WHERE active = TRUE ORDER BY raised_at, alert_key").getResultList()) {
            Object[] columns = (Object[]) row;
            active.add(new Active((String) columns[0], Timestamps.utc(columns[1]).toInstant(), (String) columns[2]));
        }
        return active;
    }
}

package org.emailsms.gateway.message.control;

import java.time.LocalDate;

import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.boundary.Sender;
import org.emailsms.gateway.message.boundary.QuotaExceededException;

/**
 * The daily quotas of a company and of its departments, counted in SMS segments per day in the
 * company's time zone. Each reservation is one conditional UPDATE, so concurrent senders on
 * any number of nodes can never take more than the quota together.
 */
@Dependent
public class QuotaLedger {

    private static final Logger LOG = Logger.getLogger(QuotaLedger.class.getName());

    static final String COMPANY = "COMPANY";
    static final String DEPARTMENT = "DEPARTMENT";

    private static final String RESERVE = """
            UPDATE daily_usage SET segments = segments + ?1
            WHERE scope = ?2 AND scope_id = ?3 AND usage_day = ?4 AND segments + ?1 <= ?5""";

    private static final String GIVE_BACK = """
            UPDATE daily_usage SET segments = segments - ?1 WHERE scope = ?2 AND scope_id = ?3 AND usage_day = ?4""";

    @PersistenceContext
    EntityManager em;

    @EJB
    UsageRows rows;

    /** Takes {@code segments} from today's quota of the sender's company and of its department, or neither. */
    public void reserve(Sender sender, int segments) throws QuotaExceededException {
        if (segments == 0) {
            return;
        }
        LocalDate today = LocalDate.now(sender.timeZone());
        Integer companyQuota = sender.companyDailyQuota();
        if (companyQuota != null) {
            reserve(COMPANY, sender.companyId(), today, segments, companyQuota, "company");
        }
        if (sender.departmentId() != null && sender.departmentDailyQuota() != null) {
            try {
                reserve(DEPARTMENT, sender.departmentId(), today, segments, sender.departmentDailyQuota(), "department");
            } catch (QuotaExceededException refused) {
                if (companyQuota != null) {
                    // The transaction may go on storing other requests: the company's share goes back.
                    em.createNativeQuery(GIVE_BACK).setParameter(1, segments).setParameter(2, COMPANY)
                            .setParameter(3, sender.companyId()).setParameter(4, today).executeUpdate();
                }
                throw refused;
            }
        }
    }

    private void reserve(String scope, long id, LocalDate day, int segments, int quota, String what)
            throws QuotaExceededException {
        if (update(scope, id, day, segments, quota) == 1) {
            return;
        }
        try {
            rows.ensure(scope, id, day);
        } catch (EJBException createdConcurrently) {
            LOG.fine(() -> "usage row " + scope + "/" + id + "/" + day + " was created by a concurrent sender");
        }
        if (update(scope, id, day, segments, quota) == 1) {
            return;
        }
        Number used = (Number) em.createNativeQuery(
                        "SELECT segments FROM daily_usage WHERE scope = ?1 AND scope_id = ?2 AND usage_day = ?3")
                .setParameter(1, scope).setParameter(2, id).setParameter(3, day).getSingleResult();
        int remaining = Math.max(0, quota - used.intValue());
        throw new QuotaExceededException(String.format(
                "The %s's daily quota of %d SMS segments has %d left; this request needs %d.",
                what, quota, remaining, segments), quota);
    }

    private int update(String scope, long id, LocalDate day, int segments, int quota) {
        return em.createNativeQuery(RESERVE)
                .setParameter(1, segments).setParameter(2, scope).setParameter(3, id)
                .setParameter(4, day).setParameter(5, quota)
                .executeUpdate();
    }
}

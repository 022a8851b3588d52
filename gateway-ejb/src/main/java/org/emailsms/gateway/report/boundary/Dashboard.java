package org.emailsms.gateway.report.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.emailsms.gateway.account.boundary.UnknownAccountException;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.alert.boundary.Alerts;
import org.emailsms.gateway.mail.boundary.MailBacklog;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.smsc.boundary.NodeBinds;
import org.emailsms.gateway.smsc.boundary.OutboundBacklog;

/**
 * The portal's home page in numbers: for a company, today's messages by status and each
 * department's use of its daily quota; for the provider, today's messages of every company, the
 * SMPP binds up and down, the messages waiting for the SMSC and the mail outbox's backlog.
 */
@Stateless
public class Dashboard {

    /** Today's segments of a department (or of the company) against its daily quota (null: none). */
    public record QuotaUse(String name, long segments, Integer quota) implements Serializable {

        /** How much of the quota is used, 0 to 100; 0 without a quota. */
        public int percent() {
            return quota == null || quota == 0 ? 0 : (int) Math.min(100, segments * 100 / quota);
        }
    }

    public record CompanyToday(LocalDate day, String zone, List<Tally> byStatus, QuotaUse company,
                               List<QuotaUse> departments) implements Serializable {

        public long messages() {
            return byStatus.stream().mapToLong(Tally::messages).sum();
        }
    }

    public record GatewayToday(LocalDate day, List<Tally> byStatus, long bindsUp, long bindsDown, long waiting,
                               long mailPending, List<Alerts.ActiveAlert> alerts) implements Serializable {

        public long messages() {
            return byStatus.stream().mapToLong(Tally::messages).sum();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @EJB
    ReportService reports;

    @EJB
    NodeBinds binds;

    @EJB
    OutboundBacklog outbound;

    @EJB
    MailBacklog mail;

    @EJB
    Alerts alerts;

    /** Today in the company's time zone; {@code companyId} null is the administrator's own company. */
    public CompanyToday companyToday(String actorName, Long companyId) throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        Company company = tenancy.company(actor, companyId != null ? companyId
                : actor.getCompany() == null ? null : actor.getCompany().getId());
        LocalDate today = LocalDate.now(company.getTimeZone());
        TransactionFilter filter = new TransactionFilter(company.getId(), null, null, null, null, null, today, today);
        List<Tally> byStatus = reports.byStatus(actorName, filter);
        Map<String, Long> segmentsByDepartment = reports.byDepartment(actorName, filter).stream()
                .collect(Collectors.toMap(Tally::label, Tally::segments));
        List<QuotaUse> departments = new ArrayList<>();
        for (Department department : em.createQuery(
                        "SELECT d FROM Department d WHERE d.company = :company ORDER BY d.name", Department.class)
                .setParameter("company", company).getResultList()) {
            departments.add(new QuotaUse(department.getName(), segmentsByDepartment.getOrDefault(department.getName(), 0L),
                    department.getDailyQuota()));
        }
        long all = byStatus.stream().mapToLong(Tally::segments).sum();
        return new CompanyToday(today, company.getTimeZone().getId(), byStatus,
                new QuotaUse(company.getName(), all, company.getDailyQuota()), departments);
    }

    /** Today (UTC) across every company, and the state of delivery; provider administrators only. */
    @SuppressWarnings("unchecked")
    public GatewayToday gatewayToday(String actorName) throws NotAuthorizedException {
        tenancy.providerAdministrator(actorName);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Tally> byStatus = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                        SELECT status, COUNT(*), COALESCE(SUM(segments), 0) FROM sms_message
                        WHERE created_at >= ?1 GROUP BY status ORDER BY status""")
                .setParameter(1, today.atStartOfDay().atOffset(ZoneOffset.UTC)).getResultList()) {
            byStatus.add(new Tally((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        List<NodeBinds.NodeBind> all = binds.all();
        long up = all.stream().filter(b -> !b.silent() && !b.state().contains(" not bound")).count();
        return new GatewayToday(today, byStatus, up, all.size() - up, outbound.waiting(), mail.pending(), alerts.active());
    }
}

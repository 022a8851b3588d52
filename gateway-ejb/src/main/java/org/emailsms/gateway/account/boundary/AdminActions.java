package org.emailsms.gateway.account.boundary;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.AdminAction;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.Role;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.control.LikePatterns;
import org.emailsms.gateway.platform.control.SpreadsheetSafe;

/**
 * The audit trail of administrators' actions, newest first: a company's administrators see their
 * own company's; the provider's see every company's, one company's, and their own objects'
 * (provider administrators). The page shows the newest {@value #PAGE_ROWS}; the export up to
 * {@value #EXPORT_ROWS}. A company's administrators see the provider's staff as "provider", without
 * their usernames and addresses: those are the provider's business.
 */
@Stateless
public class AdminActions {

    static final int PAGE_ROWS = 1_000;
    static final int EXPORT_ROWS = 100_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    /** What a company administrator sees of the provider's staff. */
    public static final String PROVIDER = "provider";

    public List<AdminActionRecord> find(String actorName, AdminActionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        UnaryOperator<AdminActionRecord> shown = viewFor(tenancy.administrator(actorName));
        return query(actorName, filter).setMaxResults(PAGE_ROWS).getResultStream().map(AdminActionRecord::of)
                .map(shown).toList();
    }

    /** The records as the viewer may see them: the provider's staff anonymous to a company's administrators. */
    private UnaryOperator<AdminActionRecord> viewFor(User viewer) {
        if (viewer.getRole() == Role.PROVIDER_ADMIN) {
            return UnaryOperator.identity();
        }
        Set<String> staff = Set.copyOf(em.createQuery("SELECT u.username FROM User u WHERE u.role = :role", String.class)
                .setParameter("role", Role.PROVIDER_ADMIN).getResultList());
        return record -> staff.contains(record.actor()) ? record.byTheProvider() : record;
    }

    /** Refuses, as the page and export would, a caller who may not see the company's actions (null: all). */
    public void requireVisible(String actorName, Long companyId) throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        if (companyId != null) {
            tenancy.company(actor, companyId);
        }
    }

    public void export(String actorName, AdminActionFilter filter, Writer out)
            throws NotAuthorizedException, UnknownAccountException, IOException {
        TypedQuery<AdminAction> query = query(actorName, filter).setMaxResults(EXPORT_ROWS);
        UnaryOperator<AdminActionRecord> shown = viewFor(tenancy.administrator(actorName));
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("acted_at", "administrator", "channel",
                "client_ip", "company", "action", "subject", "details").get());
        for (AdminAction action : (Iterable<AdminAction>) query.getResultStream()::iterator) {
            AdminActionRecord record = shown.apply(AdminActionRecord.of(action));
            csv.printRecord(SpreadsheetSafe.record(record.actedAt().toInstant(), record.actor(), record.channel(),
                    record.clientIp(), record.companyName() == null ? "" : record.companyName(),
                    record.kind().getLabel(), record.subject(), record.details()));
        }
        csv.flush();
    }

    private TypedQuery<AdminAction> query(String actorName, AdminActionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        Company company = null;
        if (filter.companyId() != null) {
            company = tenancy.company(actor, filter.companyId());
        } else if (actor.getRole() != Role.PROVIDER_ADMIN) {
            company = actor.getCompany();
        }
        StringBuilder jpql = new StringBuilder("SELECT a FROM AdminAction a LEFT JOIN FETCH a.company WHERE 1 = 1");
        if (company != null) {
            jpql.append(" AND a.company = :company");
        }
        if (filter.actor() != null) {
            jpql.append(" AND LOWER(a.actor) LIKE :actor ESCAPE '!'");
        }
        if (filter.kind() != null) {
            jpql.append(" AND a.kind = :kind");
        }
        if (filter.from() != null) {
            jpql.append(" AND a.actedAt >= :from");
        }
        if (filter.to() != null) {
            jpql.append(" AND a.actedAt < :to");
        }
        jpql.append(" ORDER BY a.actedAt DESC, a.id DESC");
        TypedQuery<AdminAction> query = em.createQuery(jpql.toString(), AdminAction.class);
        if (company != null) {
            query.setParameter("company", company);
        }
        if (filter.actor() != null) {
            // Usernames may hold "_", which LIKE would read as any character.
            query.setParameter("actor", LikePatterns.contains(filter.actor()));
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return query;
    }
}

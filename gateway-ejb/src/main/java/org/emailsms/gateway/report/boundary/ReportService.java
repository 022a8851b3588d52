package org.emailsms.gateway.report.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.emailsms.gateway.account.boundary.LoginRecord;
import org.emailsms.gateway.account.boundary.NotAuthorizedException;
import org.emailsms.gateway.account.boundary.UnknownAccountException;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.LoginAttempt;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.platform.control.PhoneNumbers;
import org.emailsms.gateway.platform.control.SpreadsheetSafe;
import org.emailsms.gateway.platform.control.Timestamps;

/**
 * Summary and transaction reports, by which administrators monitor what their users send, and the
 * login audit. Every query is confined to one company the administrator may see,
 * whatever else the filter says; the transaction report is read a page at a time, newest first.
 */
@Stateless
public class ReportService {

    private static final int EXPORT_PAGE = 1_000;
    private static final int MAX_AUDIT_ROWS = 1_000;
    private static final String FROM_MESSAGES = " FROM sms_message m JOIN gateway_user u ON u.id = m.user_id"
            + " LEFT JOIN department d ON d.id = m.department_id WHERE m.company_id = ?1";

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    public long countTransactions(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = company(actorName, filter);
        Query query = where("SELECT COUNT(*)" + FROM_MESSAGES, company, filter, new StringBuilder());
        return ((Number) query.getSingleResult()).longValue();
    }

    public List<TransactionRow> transactions(String actorName, TransactionFilter filter, int first, int max)
            throws NotAuthorizedException, UnknownAccountException {
        return page(company(actorName, filter), filter, first, max);
    }

    /** The whole filtered report as CSV, written a page at a time so that its size does not matter. */
    public void exportTransactions(String actorName, TransactionFilter filter, Writer out)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = company(actorName, filter);
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("message_id", "created_at",
                    "username", "department", "destination", "contact", "segments", "status", "attempts",
                    "last_error", "source").get());
            for (int first = 0; ; first += EXPORT_PAGE) {
                List<TransactionRow> rows = page(company, filter, first, EXPORT_PAGE);
                for (TransactionRow row : rows) {
                    csv.printRecord(SpreadsheetSafe.record(row.messageId(), row.createdAt().toInstant(), row.username(),
                            row.department(), row.destination(), row.contactName(), row.segments(), row.status(),
                            row.attempts(), row.lastError(), row.source()));
                }
                if (rows.size() < EXPORT_PAGE) {
                    break;
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written", e);
        }
    }

    public List<Tally> byStatus(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        return tally("m.status", company(actorName, filter), filter);
    }

    public List<Tally> byDepartment(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        return tally("COALESCE(d.name, '(no department)')", company(actorName, filter), filter);
    }

    /** Per day in UTC; the report's date range itself is in the company's time zone. */
    public List<Tally> byDay(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        return tally("CAST(CAST(m.created_at AS DATE) AS VARCHAR(10))", company(actorName, filter), filter);
    }

    /** The newest sign-in attempts of the company's users (for provider administrators with no company: of everyone). */
    public List<LoginRecord> loginAudit(String actorName, Long companyId, int max)
            throws NotAuthorizedException, UnknownAccountException {
        User actor = tenancy.administrator(actorName);
        int limit = Math.max(1, Math.min(max, MAX_AUDIT_ROWS));
        if (companyId == null) {
            tenancy.providerAdministrator(actorName);
            return em.createQuery("SELECT a FROM LoginAttempt a ORDER BY a.attemptedAt DESC", LoginAttempt.class)
                    .setMaxResults(limit).getResultStream().map(LoginRecord::of).toList();
        }
        Company company = tenancy.company(actor, companyId);
        return em.createQuery("""
                        SELECT a FROM LoginAttempt a WHERE a.username IN
                        (SELECT u.username FROM User u WHERE u.company = :company) ORDER BY a.attemptedAt DESC""",
                        LoginAttempt.class)
                .setParameter("company", company).setMaxResults(limit)
                .getResultStream().map(LoginRecord::of).toList();
    }

    private Company company(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        return tenancy.company(tenancy.administrator(actorName), filter.companyId());
    }

    @SuppressWarnings("unchecked")
    private List<TransactionRow> page(Company company, TransactionFilter filter, int first, int max) {
        Query query = where("""
                SELECT m.id, m.created_at, u.username, d.name, m.destination, m.contact_name, m.segments, m.status,
                       m.attempts, m.last_error, m.source""" + FROM_MESSAGES, company, filter,
                new StringBuilder(" ORDER BY m.created_at DESC, m.id DESC"));
        List<Object[]> rows = query.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, max)).getResultList();
        List<TransactionRow> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new TransactionRow(((Number) row[0]).longValue(), Timestamps.utc(row[1]), (String) row[2],
                    (String) row[3], (String) row[4], (String) row[5], ((Number) row[6]).intValue(), (String) row[7],
                    ((Number) row[8]).intValue(), (String) row[9], sourceName((String) row[10])));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Tally> tally(String label, Company company, TransactionFilter filter) {
        Query query = where("SELECT " + label + ", COUNT(*), COALESCE(SUM(m.segments), 0)" + FROM_MESSAGES, company,
                filter, new StringBuilder(" GROUP BY " + label + " ORDER BY 1"));
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new Tally(String.valueOf(row[0]), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }

    /** The filter's conditions as bind parameters (never concatenated values), then {@code tail}. */
    private Query where(String select, Company company, TransactionFilter filter, StringBuilder tail) {
        StringBuilder sql = new StringBuilder(select);
        List<Object> parameters = new ArrayList<>();
        parameters.add(company.getId());
        ZoneId zone = company.getTimeZone();
        condition(sql, parameters, " AND m.user_id = ?", filter.userId());
        condition(sql, parameters, " AND m.department_id = ?", filter.departmentId());
        String destination = blankToNull(filter.destination());
        if (destination != null) {
            // As typed: national numbers are read in the company's home country, like when sending.
            destination = PhoneNumbers.mobileE164(destination, company.getHomeCountry()).orElse(destination);
        }
        condition(sql, parameters, " AND m.destination = ?", destination);
        condition(sql, parameters, " AND m.status = ?", blankToNull(filter.status()));
        condition(sql, parameters, " AND m.source = ?", blankToNull(filter.source()));
        condition(sql, parameters, " AND m.created_at >= ?",
                filter.from() == null ? null : filter.from().atStartOfDay(zone).toOffsetDateTime());
        condition(sql, parameters, " AND m.created_at < ?",
                filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        sql.append(tail);
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            parameters.add(value);
            sql.append(clause).append(parameters.size());
        }
    }

    /** As the protocol names it: addIn, xmsInspector, reminder, calSummary... */
    private static String sourceName(String stored) {
        try {
            return MessageSource.valueOf(stored).omsName();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return stored;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

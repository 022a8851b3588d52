package org.emailsms.gateway.report.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.emailsms.gateway.account.boundary.LoginRecord;
import org.emailsms.gateway.account.boundary.UnknownAccountException;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.account.entity.LoginAttempt;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.control.PhoneNumbers;
import org.emailsms.gateway.platform.control.SpreadsheetSafe;
import org.emailsms.gateway.platform.control.Timestamps;
import org.emailsms.gateway.report.control.DailyTotals;

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

    /**
     * Up to {@code max} rows, the newest first, older than {@code after} (the newest when null). Paged by
     * key, not by offset: the thousandth page costs what the first does.
     */
    public List<TransactionRow> olderThan(String actorName, TransactionFilter filter, PageKey after, int max)
            throws NotAuthorizedException, UnknownAccountException {
        return page(company(actorName, filter), filter, after, max);
    }

    /** The whole filtered report as CSV, written a page at a time (by key) so that its size does not matter. */
    public void exportTransactions(String actorName, TransactionFilter filter, Writer out)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = company(actorName, filter);
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("message_id", "created_at",
                    "username", "department", "destination", "contact", "segments", "status", "attempts",
                    "last_error", "source").get());
            for (PageKey after = null; ; ) {
                List<TransactionRow> rows = page(company, filter, after, EXPORT_PAGE);
                for (TransactionRow row : rows) {
                    csv.printRecord(SpreadsheetSafe.record(row.messageId(), row.createdAt().toInstant(), row.username(),
                            row.department(), row.destination(), row.contactName(), row.segments(), row.status(),
                            row.attempts(), row.lastError(), row.source()));
                }
                if (rows.size() < EXPORT_PAGE) {
                    break;
                }
                after = PageKey.of(rows.get(rows.size() - 1));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written", e);
        }
    }

    public List<Tally> byStatus(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        return summary(Dimension.STATUS, company(actorName, filter), filter);
    }

    public List<Tally> byDepartment(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        return summary(Dimension.DEPARTMENT, company(actorName, filter), filter);
    }

    /** Per day in the company's time zone, like the report's date range. */
    public List<Tally> byDay(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        return summary(Dimension.DAY, company(actorName, filter), filter);
    }

    /** Per end user (their username), the busiest first. */
    public List<Tally> byUser(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        return busiestFirst(summary(Dimension.USER, company(actorName, filter), filter), Integer.MAX_VALUE);
    }

    /** Per destination number, the busiest {@code max}: only messages still online (the archive keeps the numbers). */
    @SuppressWarnings("unchecked")
    public List<Tally> byDestination(String actorName, TransactionFilter filter, int max)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = company(actorName, filter);
        Query query = where("SELECT m.destination, COUNT(*), COALESCE(SUM(m.segments), 0)" + FROM_MESSAGES, company,
                filter, new StringBuilder(" GROUP BY m.destination ORDER BY 2 DESC, 1"));
        return ((List<Object[]>) query.setMaxResults(Math.max(1, max)).getResultList()).stream()
                .map(row -> new Tally((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }

    /** Per destination country (ISO code, ZZ when unknown), archived days included. */
    public List<Tally> byCountry(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        return busiestFirst(summary(Dimension.COUNTRY, company(actorName, filter), filter), Integer.MAX_VALUE);
    }

    /**
     * Whether the filter reaches days whose messages have been archived: the summaries then count them
     * from the daily totals, while the transaction list and the destination numbers show only the
     * messages still online.
     */
    public boolean reachesArchivedDays(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = company(actorName, filter);
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM daily_total t WHERE t.company_id = ?1");
        List<Object> parameters = new ArrayList<>(List.of(company.getId()));
        condition(sql, parameters, " AND t.total_day >= ?", filter.from());
        condition(sql, parameters, " AND t.total_day <= ?", filter.to());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return ((Number) query.getSingleResult()).longValue() > 0;
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

    /** The filter's company, if the caller may see it; a user named must be one of its users (deleted or not). */
    private Company company(String actorName, TransactionFilter filter)
            throws NotAuthorizedException, UnknownAccountException {
        Company company = tenancy.company(tenancy.administrator(actorName), filter.companyId());
        if (filter.userId() != null) {
            User user = em.find(User.class, filter.userId());
            if (user == null || user.getCompany() == null || !user.getCompany().sameAs(company)) {
                throw new UnknownAccountException("No such user in " + company.getName() + ".");
            }
        }
        return company;
    }

    /**
     * Written so that H2 reads the page straight from the index (company, newest first): a range on the
     * time, and ordered by the index's own columns; PostgreSQL does the same with any index order.
     */
    @SuppressWarnings("unchecked")
    private List<TransactionRow> page(Company company, TransactionFilter filter, PageKey after, int max) {
        StringBuilder tail = new StringBuilder();
        List<Object> keys = new ArrayList<>();
        if (after != null) {
            tail.append(" AND m.created_at <= ?K1 AND (m.created_at < ?K1 OR m.id < ?K2)");
            keys.add(after.createdAt());
            keys.add(after.messageId());
        }
        tail.append(" ORDER BY m.company_id, m.created_at DESC, m.id DESC");
        Query query = where("""
                SELECT m.id, m.created_at, u.username, d.name, m.destination, m.contact_name, m.segments, m.status,
                       m.attempts, m.last_error, m.source""" + FROM_MESSAGES, company, filter, tail, keys);
        List<Object[]> rows = query.setMaxResults(Math.max(1, max)).getResultList();
        List<TransactionRow> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new TransactionRow(((Number) row[0]).longValue(), Timestamps.utc(row[1]), (String) row[2],
                    (String) row[3], (String) row[4], (String) row[5], ((Number) row[6]).intValue(), (String) row[7],
                    ((Number) row[8]).intValue(), (String) row[9], sourceName((String) row[10])));
        }
        return result;
    }

    /** What a summary groups by: in the message rows online, and in the daily totals of archived days. */
    private enum Dimension {
        STATUS("m.status", "t.status"),
        DEPARTMENT("COALESCE(d.name, '(no department)')", "COALESCE(d.name, '(no department)')"),
        USER("u.username", "u.username"),
        DAY(null, "CAST(t.total_day AS VARCHAR(10))"),
        /** Grouped by number in SQL, then by the number's country here. */
        COUNTRY("m.destination", "t.country");

        private final String online;
        private final String archived;

        Dimension(String online, String archived) {
            this.online = online;
            this.archived = archived;
        }
    }

    /** The rows online plus the daily totals of archived days (which never hold the same message twice). */
    @SuppressWarnings("unchecked")
    private List<Tally> summary(Dimension dimension, Company company, TransactionFilter filter) {
        String label = dimension == Dimension.DAY ? localDay(company.getTimeZone()) : dimension.online;
        Query online = where("SELECT " + label + ", COUNT(*), COALESCE(SUM(m.segments), 0)" + FROM_MESSAGES, company,
                filter, new StringBuilder(" GROUP BY " + label));
        Map<String, long[]> sums = new TreeMap<>();
        for (Object[] row : (List<Object[]>) online.getResultList()) {
            String key = dimension == Dimension.COUNTRY
                    ? PhoneNumbers.countryOf((String) row[0]).orElse("ZZ") : String.valueOf(row[0]);
            add(sums, key, row);
        }
        // A number is not kept in the totals: filtered by one, the summary is of the rows online only.
        if (blankToNull(filter.destination()) == null) {
            for (Object[] row : archivedTotals(dimension.archived, company, filter)) {
                add(sums, String.valueOf(row[0]), row);
            }
        }
        List<Tally> tallies = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> tallies.add(new Tally(key, sum[0], sum[1])));
        return tallies;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> archivedTotals(String label, Company company, TransactionFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + label + ", SUM(t.messages), SUM(t.segments)"
                + " FROM daily_total t LEFT JOIN gateway_user u ON u.id = t.user_id"
                + " LEFT JOIN department d ON d.id = t.department_id WHERE t.company_id = ?1 AND t.status <> '"
                + DailyTotals.REPLY + "'");
        List<Object> parameters = new ArrayList<>(List.of(company.getId()));
        condition(sql, parameters, " AND t.user_id = ?", filter.userId());
        condition(sql, parameters, " AND t.department_id = ?", filter.departmentId());
        condition(sql, parameters, " AND t.status = ?", blankToNull(filter.status()));
        condition(sql, parameters, " AND t.source = ?", blankToNull(filter.source()));
        condition(sql, parameters, " AND t.total_day >= ?", filter.from());
        condition(sql, parameters, " AND t.total_day <= ?", filter.to());
        sql.append(" GROUP BY ").append(label);
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    private static void add(Map<String, long[]> sums, String key, Object[] row) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
        sum[0] += ((Number) row[1]).longValue();
        sum[1] += ((Number) row[2]).longValue();
    }

    private static List<Tally> busiestFirst(List<Tally> tallies, int max) {
        return tallies.stream().sorted(Comparator.comparingLong(Tally::messages).reversed().thenComparing(Tally::label))
                .limit(max).toList();
    }

    /**
     * The day a message was made in the company's zone, as yyyy-MM-dd, the same in H2 and PostgreSQL:
     * from the local time's text, as H2 casts a zoned time to a date in the session's zone. The zone
     * is a {@link ZoneId} read from the company, so its id holds no quote to escape.
     */
    private static String localDay(ZoneId zone) {
        return "SUBSTRING(CAST(m.created_at AT TIME ZONE '" + zone.getId().replace("'", "") + "' AS VARCHAR(40)), 1, 10)";
    }

    /** The filter's conditions as bind parameters (never concatenated values), then {@code tail}. */
    private Query where(String select, Company company, TransactionFilter filter, StringBuilder tail) {
        return where(select, company, filter, tail, List.of());
    }

    /** With {@code tail} holding parameters {@code ?K1, ?K2...}, bound to {@code keys} after the filter's. */
    private Query where(String select, Company company, TransactionFilter filter, StringBuilder tail,
            List<Object> keys) {
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
        String keyed = tail.toString();
        for (int k = keys.size(); k >= 1; k--) {
            keyed = keyed.replace("?K" + k, "?" + (parameters.size() + k));
        }
        parameters.addAll(keys);
        sql.append(keyed);
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

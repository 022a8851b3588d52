package org.emailsms.gateway.admin.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.StringJoiner;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import org.emailsms.gateway.account.boundary.Users;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.platform.CompanyPage;
import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.report.boundary.PageKey;
import org.emailsms.gateway.report.boundary.ReportService;
import org.emailsms.gateway.report.boundary.Tally;
import org.emailsms.gateway.report.boundary.TransactionFilter;
import org.emailsms.gateway.report.boundary.TransactionRow;
import org.omnifaces.util.Messages;

/**
 * The summary and transaction reports of one company: filters by user,
 * destination, department, status, source and days; the summary by status, day and department with a
 * chart; the transactions paged lazily from the database; the same filter exported as CSV. With
 * the {@code user} URL parameter it is that user's activity view.
 */
@Named
@ViewScoped
public class ReportsView extends CompanyPage {

    private static final long serialVersionUID = 1L;
    private static final int DESTINATIONS = 20;
    private static final int PAGE = 50;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @EJB
    transient ReportService reports;

    @EJB
    transient Users users;

    private Long userId;
    private Long departmentId;
    private String destination;
    private String status;
    private String source;
    private LocalDate from;
    private LocalDate to;
    private List<User> userChoices = List.of();
    private List<Department> departmentChoices = List.of();
    private List<Tally> byStatus = List.of();
    private List<Tally> byDay = List.of();
    private List<Tally> byDepartment = List.of();
    private List<Tally> byUser = List.of();
    private List<Tally> byDestination = List.of();
    private List<Tally> byCountry = List.of();
    private boolean reachesArchivedDays;
    private List<TransactionRow> page = List.of();
    private boolean hasOlder;
    private boolean hasNewer;
    /** Where each page shown so far began (after which row), the current one on top: "Newer" goes back one. */
    private final ArrayDeque<PageKey> starts = new ArrayDeque<>();

    @Override
    protected void loadCompanyData() throws GatewayException {
        userChoices = users.users(caller.getName(), getCompanyId());
        departmentChoices = companyDepartments.list(caller.getName(), getCompanyId());
        summarise();
    }

    /** Applies the filter to the summary and shows the newest transactions; a filter that can match nothing is refused. */
    public void apply() {
        try {
            filter();
        } catch (IllegalArgumentException refused) {
            Messages.addGlobalError(refused.getMessage());
            return;
        }
        Actions.run(this::summarise, null);
    }

    /** The newest page. */
    public void newest() {
        starts.clear();
        showPageAfter(null);
    }

    /** The page after the last row shown. */
    public void older() {
        if (page.isEmpty()) {
            newest();
            return;
        }
        starts.push(PageKey.of(page.get(page.size() - 1)));
        showPageAfter(starts.peek());
    }

    /** The page before: read again from where it started, as fast as any other. */
    public void newer() {
        if (!starts.isEmpty()) {
            starts.pop();
        }
        showPageAfter(starts.peek());
    }

    private void showPageAfter(PageKey after) {
        Actions.run(() -> {
            List<TransactionRow> rows = reports.olderThan(caller.getName(), filter(), after, PAGE + 1);
            show(rows.size() > PAGE ? rows.subList(0, PAGE) : rows, rows.size() > PAGE, after != null);
        }, null);
    }

    private void show(List<TransactionRow> rows, boolean older, boolean newer) {
        page = List.copyOf(rows);
        hasOlder = older;
        hasNewer = newer;
    }

    private void summarise() throws GatewayException {
        TransactionFilter filter = filter();
        byStatus = reports.byStatus(caller.getName(), filter);
        byDay = reports.byDay(caller.getName(), filter);
        byDepartment = reports.byDepartment(caller.getName(), filter);
        byUser = reports.byUser(caller.getName(), filter);
        byDestination = reports.byDestination(caller.getName(), filter, DESTINATIONS);
        byCountry = reports.byCountry(caller.getName(), filter);
        reachesArchivedDays = reports.reachesArchivedDays(caller.getName(), filter);
        starts.clear();
        List<TransactionRow> rows = reports.olderThan(caller.getName(), filter, null, PAGE + 1);
        show(rows.size() > PAGE ? rows.subList(0, PAGE) : rows, rows.size() > PAGE, false);
    }

    TransactionFilter filter() {
        return new TransactionFilter(getCompanyId(), userId, departmentId, destination, status, source, from, to);
    }

    /** The export link: the servlet checks the company and the caller again, like every page. */
    public String getExportUrl() {
        StringJoiner query = new StringJoiner("&", "export.csv?", "");
        query.add("company=" + getCompanyId());
        add(query, "user", userId);
        add(query, "department", departmentId);
        add(query, "destination", destination);
        add(query, "status", status);
        add(query, "source", source);
        add(query, "from", from);
        add(query, "to", to);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    /** Chart.js configuration for messages per status, as PrimeFaces' chart component takes it. */
    public String getStatusChart() {
        return barChart("bar", byStatus);
    }

    /** Messages and segments per day. */
    public String getDayChart() {
        return barChart("line", byDay);
    }

    /** Messages per user, the busiest first. */
    public String getUserChart() {
        return barChart("bar", byUser.subList(0, Math.min(byUser.size(), DESTINATIONS)));
    }

    private static String barChart(String type, List<Tally> tallies) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (Tally tally : tallies) {
            labels.add(tally.label());
            values.add(tally.messages());
        }
        // Built as JSON, not by hand: a username or department is the administrators' own text.
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "Messages").add("data", values))))
                .add("options", Json.createObjectBuilder().add("plugins",
                        Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false))))
                .build().toString();
    }

    /** A time as the company's administrators read it: in its zone, to the second (the header names the zone). */
    public String local(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(getCompany().getTimeZone()).format(LOCAL_TIME);
    }

    /** The transactions shown: a page, newest first, read by key so that any page is as fast as the first. */
    public List<TransactionRow> getPage() {
        return page;
    }

    public boolean isHasOlder() {
        return hasOlder;
    }

    public boolean isHasNewer() {
        return hasNewer;
    }

    public MessageStatus[] getStatuses() {
        return MessageStatus.values();
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(Long departmentId) {
        this.departmentId = departmentId;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    /** Where messages come from: the add-ins, and each kind of Outlook's and SharePoint's messages. */
    public MessageSource[] getSources() {
        return MessageSource.values();
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public List<User> getUserChoices() {
        return userChoices;
    }

    public List<Department> getDepartmentChoices() {
        return departmentChoices;
    }

    public List<Tally> getByStatus() {
        return byStatus;
    }

    public List<Tally> getByDay() {
        return byDay;
    }

    public List<Tally> getByUser() {
        return byUser;
    }

    public List<Tally> getByDestination() {
        return byDestination;
    }

    public List<Tally> getByCountry() {
        return byCountry;
    }

    public boolean isReachesArchivedDays() {
        return reachesArchivedDays;
    }

    public List<Tally> getByDepartment() {
        return byDepartment;
    }
}

package org.emailsms.gateway.admin.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.UserAdministration;
import org.emailsms.gateway.account.entity.Department;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.platform.CompanyPage;
import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.message.entity.MessageStatus;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.report.boundary.ReportService;
import org.emailsms.gateway.report.boundary.Tally;
import org.emailsms.gateway.report.boundary.TransactionFilter;
import org.emailsms.gateway.report.boundary.TransactionRow;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

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

    @EJB
    transient ReportService reports;

    @EJB
    transient UserAdministration users;

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
    private final Transactions transactions = new Transactions();

    @Override
    protected void loadCompanyData() throws GatewayException {
        userChoices = users.users(caller.getName(), getCompanyId());
        departmentChoices = companies.departments(caller.getName(), getCompanyId());
        summarise();
    }

    /** Applies the filter to the summary; the table reloads itself through its lazy model. */
    public void apply() {
        Actions.run(this::summarise, null);
    }

    private void summarise() throws GatewayException {
        TransactionFilter filter = filter();
        byStatus = reports.byStatus(caller.getName(), filter);
        byDay = reports.byDay(caller.getName(), filter);
        byDepartment = reports.byDepartment(caller.getName(), filter);
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
        StringJoiner labels = new StringJoiner(",");
        StringJoiner values = new StringJoiner(",");
        for (Tally tally : byStatus) {
            labels.add("\"" + tally.label() + "\"");
            values.add(Long.toString(tally.messages()));
        }
        return "{\"type\":\"bar\",\"data\":{\"labels\":[" + labels + "],\"datasets\":[{\"label\":\"Messages\","
                + "\"data\":[" + values + "]}]},\"options\":{\"plugins\":{\"legend\":{\"display\":false}}}}";
    }

    /** The transactions, a page at a time: fast however many rows the company has. */
    public class Transactions extends LazyDataModel<TransactionRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            long[] count = new long[1];
            Actions.run(() -> count[0] = reports.countTransactions(caller.getName(), filter()), null);
            return (int) Math.min(Integer.MAX_VALUE, count[0]);
        }

        @Override
        public List<TransactionRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
            @SuppressWarnings("unchecked")
            List<TransactionRow>[] rows = new List[] {List.of()};
            Actions.run(() -> rows[0] = reports.transactions(caller.getName(), filter(), first, pageSize), null);
            return rows[0];
        }

        @Override
        public String getRowKey(TransactionRow row) {
            return Long.toString(row.messageId());
        }
    }

    public Transactions getTransactions() {
        return transactions;
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

    public List<Tally> getByDepartment() {
        return byDepartment;
    }
}

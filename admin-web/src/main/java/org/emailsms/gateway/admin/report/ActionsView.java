package org.emailsms.gateway.admin.report;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.AdminActionFilter;
import org.emailsms.gateway.account.boundary.AdminActionRecord;
import org.emailsms.gateway.account.boundary.AdminActions;
import org.emailsms.gateway.account.boundary.Companies;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.security.Caller;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The audit trail of administrators' actions: who did what to which object, when, from where, with
 * the values before and after. A company's administrators see their company's; the provider's see
 * every company's (and their own objects'), or one company's. Filtered by administrator, action and
 * days; the same filter exports as CSV.
 */
@Named
@ViewScoped
public class ActionsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @EJB
    transient AdminActions actions;

    @EJB
    transient Companies companies;

    @Inject
    Caller caller;

    private List<Company> choices = List.of();
    private Long companyId;
    private String actor;
    private AdminActionKind kind;
    private LocalDate from;
    private LocalDate to;
    private ZoneId zone = ZoneOffset.UTC;
    private List<AdminActionRecord> list = List.of();

    @PostConstruct
    public void init() {
        Actions.run(() -> choices = companies.companies(caller.getName()), null);
        String company = Faces.getRequestParameter("company");
        if (company != null && company.matches("\\d{1,18}")) {
            companyId = Long.valueOf(company);
        }
        apply();
    }

    public void apply() {
        AdminActionFilter filter;
        try {
            filter = filter();
        } catch (IllegalArgumentException e) {
            Messages.addGlobalError(e.getMessage());
            return;
        }
        if (Actions.run(() -> list = actions.find(caller.getName(), filter), null)) {
            Company shown = caller.isProvider() && companyId == null ? null
                    : choices.stream().filter(c -> companyId == null || c.getId().equals(companyId)).findFirst().orElse(null);
            zone = shown == null ? ZoneOffset.UTC : shown.getTimeZone();
        }
    }

    private AdminActionFilter filter() {
        return new AdminActionFilter(companyId, actor, kind, from, to);
    }

    /** The CSV export of what the filter shows (up to 100,000 entries). */
    public String getExportUrl() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("company", companyId);
        parameters.put("actor", actor);
        parameters.put("kind", kind);
        parameters.put("from", from);
        parameters.put("to", to);
        StringBuilder url = new StringBuilder(Faces.getRequestContextPath()).append("/admin/actions.csv");
        char separator = '?';
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null && !parameter.getValue().toString().isBlank()) {
                url.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue().toString(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    /** A time in the zone the page names: the company's, or UTC across companies. */
    public String local(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).format(TIME);
    }

    public String getZoneName() {
        return zone.getId();
    }

    public AdminActionKind[] getKinds() {
        return AdminActionKind.values();
    }

    public List<Company> getChoices() {
        return choices;
    }

    public List<AdminActionRecord> getList() {
        return list;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public void setCompanyId(Long companyId) {
        this.companyId = companyId;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public AdminActionKind getKind() {
        return kind;
    }

    public void setKind(AdminActionKind kind) {
        this.kind = kind;
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
}

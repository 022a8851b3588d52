package org.emailsms.gateway.admin.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.LoginRecord;
import org.emailsms.gateway.admin.platform.CompanyPage;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.report.boundary.ReportService;
import org.omnifaces.util.Messages;

/**
 * The login audit of a company's users: time, username, client IP, channel and outcome, newest
 * first; filtered by the table's columns and by a range of days (UTC, as the times are shown).
 */
@Named
@ViewScoped
public class AuditView extends CompanyPage {

    private static final long serialVersionUID = 1L;
    private static final int ROWS = 500;

    @EJB
    transient ReportService reports;

    private List<LoginRecord> all = List.of();
    private List<LoginRecord> attempts = List.of();
    private LocalDate from;
    private LocalDate to;

    @Override
    protected void loadCompanyData() throws GatewayException {
        all = reports.loginAudit(caller.getName(), getCompanyId(), ROWS);
        attempts = all;
    }

    /** Narrows the attempts to the days from {@code from} to {@code to} (either may be empty). */
    public void apply() {
        if (from != null && to != null && from.isAfter(to)) {
            Messages.addGlobalError("'From' ({0}) is after 'To' ({1}): no day is in between.", from, to);
            return;
        }
        attempts = all.stream().filter(attempt -> {
            LocalDate day = attempt.attemptedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }).toList();
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

    public List<LoginRecord> getAttempts() {
        return attempts;
    }
}

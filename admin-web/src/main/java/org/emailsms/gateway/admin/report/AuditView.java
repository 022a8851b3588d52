package org.emailsms.gateway.admin.report;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.LoginRecord;
import org.emailsms.gateway.admin.platform.CompanyPage;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.emailsms.gateway.report.boundary.ReportService;

/** The login audit of a company's users: time, username, client IP, channel and outcome, newest first. */
@Named
@ViewScoped
public class AuditView extends CompanyPage {

    private static final long serialVersionUID = 1L;
    private static final int ROWS = 500;

    @EJB
    transient ReportService reports;

    private List<LoginRecord> attempts = List.of();

    @Override
    protected void loadCompanyData() throws GatewayException {
        attempts = reports.loginAudit(caller.getName(), getCompanyId(), ROWS);
    }

    public List<LoginRecord> getAttempts() {
        return attempts;
    }
}

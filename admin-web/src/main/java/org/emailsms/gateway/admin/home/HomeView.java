package org.emailsms.gateway.admin.home;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.AccountDirectory;
import org.emailsms.gateway.account.boundary.AccountDirectory.Totals;
import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.security.Caller;
import org.emailsms.gateway.report.boundary.Dashboard;
import org.emailsms.gateway.report.boundary.Dashboard.CompanyToday;
import org.emailsms.gateway.report.boundary.Dashboard.GatewayToday;

/**
 * The dashboard: for a company administrator, today's messages by status and the departments' use
 * of their quotas; for the provider, the totals, today's messages of every company and the state of
 * delivery (binds, messages waiting, the mail outbox). Each figure links to its page.
 */
@Named
@ViewScoped
public class HomeView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient AccountDirectory directory;

    @EJB
    private transient Dashboard dashboard;

    @Inject
    private Caller caller;

    private Totals totals;
    private GatewayToday gateway;
    private CompanyToday company;

    @PostConstruct
    public void init() {
        if (caller.isProvider()) {
            totals = directory.totals();
            Actions.run(() -> gateway = dashboard.gatewayToday(caller.getName()), null);
        } else {
            Actions.run(() -> company = dashboard.companyToday(caller.getName(), null), null);
        }
    }

    public Totals getTotals() {
        return totals;
    }

    public GatewayToday getGateway() {
        return gateway;
    }

    public CompanyToday getCompany() {
        return company;
    }
}

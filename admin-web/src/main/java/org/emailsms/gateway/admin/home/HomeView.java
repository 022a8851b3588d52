package org.emailsms.gateway.admin.home;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.AccountDirectory;
import org.emailsms.gateway.account.boundary.AccountDirectory.Totals;

/** The landing page: how many companies, departments and users the gateway serves. */
@Named
@ViewScoped
public class HomeView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountDirectory directory;

    private Totals totals;

    @PostConstruct
    public void init() {
        totals = directory.totals();
    }

    public Totals getTotals() {
        return totals;
    }
}

package org.emailsms.gateway.admin.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.Companies;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.admin.security.Caller;
import org.emailsms.gateway.platform.boundary.GatewayException;
import org.omnifaces.util.Messages;

/**
 * The one navigation bar: which page is the current one, the company a provider administrator is
 * looking at (its pages are a menu of their own), and the company picker that takes a provider
 * administrator to any company's users in one step.
 */
@Named
@RequestScoped
public class Navigation {

    private static final int PICKS = 10;

    @EJB
    Companies companies;

    @Inject
    Caller caller;

    private Optional<Company> company;
    private String picked;

    /** The style of a menu item: marked when it leads to the page shown. */
    public String current(String outcome) {
        String view = FacesContext.getCurrentInstance().getViewRoot().getViewId();
        return view.equals(outcome + ".xhtml") ? "nav-current" : "";
    }

    /** The company of a provider administrator's company page (its {@code company} parameter), if any. */
    public Company getCompany() {
        if (company == null) {
            company = Optional.empty();
            String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("company");
            if (caller.isProvider() && id != null && id.matches("[0-9]{1,18}")) {
                try {
                    company = Optional.of(companies.company(caller.getName(), Long.valueOf(id)));
                } catch (GatewayException e) {
                    company = Optional.empty(); // the page itself says "No such company"
                }
            }
        }
        return company.orElse(null);
    }

    /** The picker's suggestions: companies whose name contains what was typed. */
    public List<String> findCompanies(String typed) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        try {
            return companies.find(caller.getName(), wanted, PICKS).stream().map(Company::getName).toList();
        } catch (GatewayException e) {
            return List.of();
        }
    }

    /** Opens the users of the company picked. */
    public void openPicked() {
        try {
            Optional<Company> chosen = companies.companies(caller.getName()).stream()
                    .filter(c -> c.getName().equals(picked)).findFirst();
            if (chosen.isEmpty()) {
                Messages.addGlobalWarn("No company is called {0}.", picked);
                return;
            }
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/admin/users.xhtml?company=" + chosen.get().getId());
        } catch (GatewayException e) {
            Messages.addGlobalError(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getPicked() {
        return picked;
    }

    public void setPicked(String picked) {
        this.picked = picked;
    }
}

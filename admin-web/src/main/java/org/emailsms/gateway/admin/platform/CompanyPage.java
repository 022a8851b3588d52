package org.emailsms.gateway.admin.platform;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.boundary.Companies;
import org.emailsms.gateway.account.boundary.Departments;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.admin.security.Caller;
import org.omnifaces.util.Messages;

/**
 * A page about one company, named by the {@code company} URL parameter; a company administrator
 * without one gets its own, a provider administrator is asked which. The company is looked up through the boundary, so an id of a company
 * the caller may not see shows "No such company" and nothing else.
 */
public abstract class CompanyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    protected transient Companies companies;

    /** The company's departments, for the pages that list or choose them. */
    @EJB
    protected transient Departments companyDepartments;

    @Inject
    protected Caller caller;

    private Long companyId;
    private Company company;

    /**
     * The view action: finds the company, then lets the page load its own data. A provider
     * administrator who names no company is asked which, on the companies page: a bookmark without
     * one must not act on whichever company comes first.
     */
    public void load() {
        if (companyId == null && caller.isProvider()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            Messages.addFlashGlobalWarn("Choose a company first: that page is about one company.");
            external.getFlash().setKeepMessages(true);
            try {
                external.redirect(external.getRequestContextPath() + "/admin/companies.xhtml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        Actions.run(() -> {
            Long id = companyId != null ? companyId
                    : companies.companies(caller.getName()).stream().findFirst().map(Company::getId).orElse(null);
            company = companies.company(caller.getName(), id);
            companyId = company.getId();
            loadCompanyData();
        }, null);
    }

    protected abstract void loadCompanyData() throws org.emailsms.gateway.platform.boundary.GatewayException;

    public boolean isFound() {
        return company != null;
    }

    public Long getCompanyId() {
        return companyId;
    }

    public void setCompanyId(Long companyId) {
        this.companyId = companyId;
    }

    public Company getCompany() {
        return company;
    }

    protected void refreshCompany() {
        Actions.run(() -> company = companies.company(caller.getName(), companyId), null);
    }
}

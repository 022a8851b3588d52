package org.emailsms.gateway.admin.platform;

import java.io.Serializable;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.boundary.CompanyAdministration;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.admin.security.Caller;

/**
 * A page about one company, named by the {@code company} URL parameter; a company administrator
 * without one gets its own. The company is looked up through the boundary, so an id of a company
 * the caller may not see shows "No such company" and nothing else.
 */
public abstract class CompanyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    protected transient CompanyAdministration companies;

    @Inject
    protected Caller caller;

    private Long companyId;
    private Company company;

    /** The view action: finds the company, then lets the page load its own data. */
    public void load() {
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

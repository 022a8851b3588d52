package org.emailsms.gateway.admin.account;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.emailsms.gateway.account.boundary.Companies;
import org.emailsms.gateway.account.boundary.NewCompany;
import org.emailsms.gateway.account.entity.AccountStatus;
import org.emailsms.gateway.account.entity.Company;
import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.security.Caller;

/**
 * The companies the caller administers, by name, a page at a time and narrowed by a search (a
 * provider may have thousands); provider administrators create, disable and enable them.
 */
@Named
@ViewScoped
public class CompaniesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Companies companies;

    @Inject
    Caller caller;

    private List<Company> list = List.of();
    private String search;
    private String name;
    private String homeCountry = "AU";
    private String timeZone = "Australia/Sydney";
    private Integer dailyQuota;

    @PostConstruct
    public void init() {
        String wanted = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Actions.run(() -> list = companies.companies(caller.getName()).stream()
                .filter(company -> company.getName().toLowerCase(Locale.ROOT).contains(wanted)).toList(), null);
    }

    /** Narrows the list to the companies whose name contains the search, in any case. */
    public void find() {
        init();
    }

    public void create() {
        if (Actions.run(() -> companies.create(caller.getName(), new NewCompany(name, homeCountry, List.of(),
                timeZone, dailyQuota, true, Company.DEFAULT_MAX_SEGMENTS, false)), "Company '" + name + "' created.")) {
            name = null;
            dailyQuota = null;
            init();
        }
    }

    public void enable(Company company) {
        status(company, AccountStatus.ACTIVE);
    }

    public void disable(Company company) {
        status(company, AccountStatus.DISABLED);
    }

    private void status(Company company, AccountStatus status) {
        Actions.run(() -> companies.changeStatus(caller.getName(), company.getId(), status),
                "Company '" + company.getName() + "' is now " + status.name().toLowerCase() + ".");
        init();
    }

    public List<Company> getList() {
        return list;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHomeCountry() {
        return homeCountry;
    }

    public void setHomeCountry(String homeCountry) {
        this.homeCountry = homeCountry;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Integer getDailyQuota() {
        return dailyQuota;
    }

    public void setDailyQuota(Integer dailyQuota) {
        this.dailyQuota = dailyQuota;
    }
}

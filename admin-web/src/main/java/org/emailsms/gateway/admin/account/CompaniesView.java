package org.emailsms.gateway.admin.account;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

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
import org.omnifaces.util.Components;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

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

    private final CompanyPages list = new CompanyPages();
    private String search;
    private String name;
    private String homeCountry = "AU";
    private String timeZone = "Australia/Sydney";
    private Integer dailyQuota;

    /** The companies whose name contains the search, read from the database a page at a time. */
    public final class CompanyPages extends LazyDataModel<Company> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            long[] count = new long[1];
            Actions.run(() -> count[0] = companies.count(caller.getName(), search), null);
            return (int) Math.min(count[0], Integer.MAX_VALUE);
        }

        @Override
        public List<Company> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<List<Company>> page = new java.util.ArrayList<>(List.of(List.of()));
            Actions.run(() -> page.set(0, companies.find(caller.getName(), search, first, pageSize)), null);
            return page.get(0);
        }

        @Override
        public String getRowKey(Company company) {
            return String.valueOf(company.getId());
        }

        @Override
        public Company getRowData(String rowKey) {
            return getWrappedData().stream().filter(c -> String.valueOf(c.getId()).equals(rowKey)).findFirst().orElse(null);
        }
    }

    /** Narrows the list to the companies whose name contains the search, in any case, from its first page. */
    public void find() {
        DataTable table = Components.findComponent("companies:list");
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void create() {
        if (Actions.run(() -> companies.create(caller.getName(), new NewCompany(name, homeCountry, List.of(),
                timeZone, dailyQuota, true, Company.DEFAULT_MAX_SEGMENTS, false)), "Company '" + name + "' created.")) {
            name = null;
            dailyQuota = null;
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
    }

    public CompanyPages getList() {
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

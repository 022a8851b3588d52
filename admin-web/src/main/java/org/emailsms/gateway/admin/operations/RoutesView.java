package org.emailsms.gateway.admin.operations;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.emailsms.gateway.admin.platform.Actions;
import org.emailsms.gateway.admin.security.Caller;
import org.emailsms.gateway.message.boundary.RouteAdministration;
import org.emailsms.gateway.message.boundary.RouteRule;

/**
 * The routes to carriers, edited as one list: each row's criteria as comma-separated text, rows
 * added, removed and moved, and the whole list saved at once (checked whole, audited). Provider
 * administrators only.
 */
@Named
@ViewScoped
public class RoutesView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One route being edited: each list as the text of its field. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name = "";
        private String prefixes = "";
        private String countries = "";
        private String companies = "";
        private String departments = "";
        private String kinds = "";
        private String carriers = "";

        static Row of(RouteRule rule) {
            Row row = new Row();
            row.name = rule.name();
            row.prefixes = String.join(", ", rule.prefixes());
            row.countries = String.join(", ", rule.countries());
            row.companies = String.join(", ", rule.companies());
            row.departments = String.join(", ", rule.departments());
            row.kinds = String.join(", ", rule.kinds());
            row.carriers = String.join(", ", rule.carriers());
            return row;
        }

        RouteRule toRule() {
            return new RouteRule(name, list(prefixes), list(countries), list(companies), list(departments), list(kinds),
                    list(carriers));
        }

        private static List<String> list(String text) {
            return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPrefixes() {
            return prefixes;
        }

        public void setPrefixes(String prefixes) {
            this.prefixes = prefixes;
        }

        public String getCountries() {
            return countries;
        }

        public void setCountries(String countries) {
            this.countries = countries;
        }

        public String getCompanies() {
            return companies;
        }

        public void setCompanies(String companies) {
            this.companies = companies;
        }

        public String getDepartments() {
            return departments;
        }

        public void setDepartments(String departments) {
            this.departments = departments;
        }

        public String getKinds() {
            return kinds;
        }

        public void setKinds(String kinds) {
            this.kinds = kinds;
        }

        public String getCarriers() {
            return carriers;
        }

        public void setCarriers(String carriers) {
            this.carriers = carriers;
        }
    }

    @EJB
    transient RouteAdministration routes;

    @Inject
    Caller caller;

    private final List<Row> rows = new ArrayList<>();
    private List<String> carriers = List.of();

    @PostConstruct
    public void init() {
        Actions.run(() -> {
            carriers = routes.carriers(caller.getName());
            routes.routes(caller.getName()).forEach(rule -> rows.add(Row.of(rule)));
        }, null);
    }

    public void add() {
        rows.add(new Row());
    }

    public void remove(int index) {
        rows.remove(index);
    }

    public void up(int index) {
        if (index > 0) {
            Collections.swap(rows, index, index - 1);
        }
    }

    public void down(int index) {
        if (index < rows.size() - 1) {
            Collections.swap(rows, index, index + 1);
        }
    }

    public void save() {
        List<RouteRule> replacement = rows.stream().map(Row::toRule).toList();
        if (Actions.run(() -> routes.replace(caller.getName(), replacement), "Routes saved: " + (replacement.isEmpty()
                ? "every message goes through the default carrier." : replacement.size() + " in this order."))) {
            rows.clear();
            Actions.run(() -> routes.routes(caller.getName()).forEach(rule -> rows.add(Row.of(rule))), null);
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getCarriers() {
        return String.join(", ", carriers);
    }
}

package org.emailsms.gateway.message.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A route to carriers as administrators see and edit it: its name, what it matches (destination
 * prefixes in E.164, destination countries, company and department names, kinds: any of each when
 * empty) and the carriers to try, first choice first (none: what it matches is refused).
 */
public record RouteRule(String name, List<String> prefixes, List<String> countries, List<String> companies,
                        List<String> departments, List<String> kinds, List<String> carriers) implements Serializable {

    public RouteRule {
        prefixes = copy(prefixes);
        countries = copy(countries);
        companies = copy(companies);
        departments = copy(departments);
        kinds = copy(kinds);
        carriers = copy(carriers);
    }

    /** What it matches, in words. */
    public String matches() {
        List<String> parts = new ArrayList<>();
        if (!prefixes.isEmpty()) {
            parts.add("numbers starting " + String.join(" or ", prefixes));
        }
        if (!countries.isEmpty()) {
            parts.add("numbers in " + String.join(" or ", countries));
        }
        if (!companies.isEmpty()) {
            parts.add("company " + String.join(" or ", companies));
        }
        if (!departments.isEmpty()) {
            parts.add("department " + String.join(" or ", departments));
        }
        if (!kinds.isEmpty()) {
            parts.add(String.join(" or ", kinds) + " messages");
        }
        return parts.isEmpty() ? "every message" : String.join(", ", parts);
    }

    /** "nz, au", or what an empty list means. */
    public String carriersInOrder() {
        return carriers.isEmpty() ? "none: refused at acceptance" : String.join(", ", carriers);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}

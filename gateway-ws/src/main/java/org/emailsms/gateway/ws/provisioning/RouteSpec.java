package org.emailsms.gateway.ws.provisioning;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import org.emailsms.gateway.message.boundary.RouteRule;

/**
 * A route to carriers: its name, what it matches (any of each criterion left out) and the carriers
 * to try in order (none: what it matches is refused with DESTINATION_NOT_ALLOWED).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Route", propOrder = {"name", "prefix", "country", "company", "department", "kind", "carrier"})
public class RouteSpec {

    @XmlElement(required = true)
    private String name;
    /** A destination prefix in E.164, such as +61. */
    private List<String> prefix = new ArrayList<>();
    /** The destination's ISO country, such as NZ. */
    private List<String> country = new ArrayList<>();
    private List<String> company = new ArrayList<>();
    private List<String> department = new ArrayList<>();
    /** interactive or bulk, or where the message came from: addIn, reminder, ruleBased... */
    private List<String> kind = new ArrayList<>();
    private List<String> carrier = new ArrayList<>();

    public RouteSpec() {
    }

    static RouteSpec of(RouteRule rule) {
        RouteSpec spec = new RouteSpec();
        spec.name = rule.name();
        spec.prefix = new ArrayList<>(rule.prefixes());
        spec.country = new ArrayList<>(rule.countries());
        spec.company = new ArrayList<>(rule.companies());
        spec.department = new ArrayList<>(rule.departments());
        spec.kind = new ArrayList<>(rule.kinds());
        spec.carrier = new ArrayList<>(rule.carriers());
        return spec;
    }

    RouteRule toRule() {
        return new RouteRule(name, prefix, country, company, department, kind, carrier);
    }
}

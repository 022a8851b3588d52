package org.emailsms.gateway.message.boundary;

import java.io.Serializable;
import java.util.List;

/** A route to carriers as the Operations page lists it: its name, what it matches in words, its carriers in order. */
public record RouteRule(String name, String matches, List<String> carriers) implements Serializable {

    public RouteRule {
        carriers = List.copyOf(carriers);
    }

    /** "nz, au", or what an empty list means. */
    public String carriersInOrder() {
        return carriers.isEmpty() ? "none: refused at acceptance" : String.join(", ", carriers);
    }
}

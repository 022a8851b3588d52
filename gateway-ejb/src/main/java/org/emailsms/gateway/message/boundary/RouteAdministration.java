package org.emailsms.gateway.message.boundary;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.control.Routes;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;

/**
 * The routes to carriers, for the provider's administrators (the portal's Routes page and SOAP
 * provisioning): read, and replaced as a whole list, checked first and audited. Every node applies
 * a change within seconds.
 */
@Stateless
public class RouteAdministration {

    private static final Logger LOG = Logger.getLogger(RouteAdministration.class.getName());

    @Inject
    Routes routes;

    @Inject
    Tenancy tenancy;

    @Inject
    AdminAudit audit;

    /** The routes in the order they are tried (none: everything goes through the default carrier). */
    public List<RouteRule> routes(String actorName) throws NotAuthorizedException {
        tenancy.providerAdministrator(actorName);
        return routes.rules().stream().map(rule -> new RouteRule(rule.name(), rule.prefixes(),
                rule.countries().stream().sorted().toList(), rule.companies().stream().sorted().toList(),
                rule.departments().stream().sorted().toList(), rule.kinds().stream().sorted().toList(),
                rule.carriers())).toList();
    }

    /** The carriers a route may name. */
    public List<String> carriers(String actorName) throws NotAuthorizedException {
        tenancy.providerAdministrator(actorName);
        return routes.carrierNames();
    }

    /**
     * Replaces every route; all or nothing: a route naming a carrier that does not exist, a kind
     * that is none, a bad prefix or country, a name given twice, or a route that an earlier one hides
     * refuses the whole list, each problem named.
     */
    public void replace(String actorName, List<RouteRule> replacement) throws NotAuthorizedException, InvalidRequestException {
        User actor = tenancy.providerAdministrator(actorName);
        List<Routes.Rule> rules = (replacement == null ? List.<RouteRule>of() : replacement).stream()
                .map(RouteAdministration::rule).toList();
        List<String> problems = routes.replace(rules);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The routes were not changed: " + String.join("; ", problems) + ".");
        }
        String summary = rules.isEmpty() ? "none: everything through the default carrier" : String.join("; ",
                replacement.stream().map(route -> route.name() + " (" + route.matches() + ") -> "
                        + route.carriersInOrder()).toList());
        audit.record(actor, null, AdminActionKind.SETTINGS_CHANGED, "routes to carriers", summary);
        LOG.info(() -> "'" + actorName + "' replaced the routes to carriers: " + summary);
    }

    private static Routes.Rule rule(RouteRule route) {
        return new Routes.Rule(route.name() == null ? "" : route.name().strip(),
                route.prefixes().stream().map(p -> p.startsWith("+") ? p : "+" + p).toList(),
                Set.copyOf(route.countries().stream().map(c -> c.toUpperCase(Locale.ROOT)).toList()),
                Set.copyOf(route.companies().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList()),
                Set.copyOf(route.departments().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList()),
                Set.copyOf(route.kinds().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList()),
                route.carriers());
    }
}

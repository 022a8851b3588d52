package org.emailsms.gateway.message.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.emailsms.gateway.account.boundary.Sender;
import org.emailsms.gateway.message.entity.MessageSource;
import org.emailsms.gateway.platform.control.CarrierNames;
import org.emailsms.gateway.platform.control.PhoneNumbers;

/**
 * Which carriers a message goes through: an ordered list of rules ({@code gateway.routes=a,b,...},
 * each under {@code gateway.route.<name>.*}), each matching on any of destination prefix, destination
 * country, company, department and kind, and naming the carriers to try in order (the first, then
 * fallbacks). The first rule that matches decides; a message no rule matches goes through
 * {@value CarrierNames#DEFAULT}. A rule that names no carrier, or a message no rule matches where
 * there is no default carrier, is refused at acceptance: no carrier may take it.
 *
 * <p>A message keeps the carriers chosen when it was accepted; a change of the rules applies to
 * messages accepted after it.
 */
@ApplicationScoped
public class Routes {

    private static final Logger LOG = Logger.getLogger(Routes.class.getName());

    /** Every criterion empty matches everything; values within one criterion are alternatives. */
    public record Rule(String name, List<String> prefixes, Set<String> countries, Set<String> companies,
                Set<String> departments, Set<String> kinds, List<String> carriers) {

        boolean matches(String e164, String country, Sender sender, Set<String> messageKinds) {
            return (prefixes.isEmpty() || prefixes.stream().anyMatch(e164::startsWith))
                    && (countries.isEmpty() || countries.contains(country))
                    && (companies.isEmpty() || companies.contains(folded(sender.companyName())))
                    && (departments.isEmpty() || departments.contains(folded(sender.departmentName())))
                    && (kinds.isEmpty() || messageKinds.stream().anyMatch(kinds::contains));
        }

        /** What it matches, in words, for the Operations page. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!prefixes.isEmpty()) {
                parts.add("numbers starting " + String.join(" or ", prefixes));
            }
            if (!countries.isEmpty()) {
                parts.add("numbers in " + String.join(" or ", new java.util.TreeSet<>(countries)));
            }
            if (!companies.isEmpty()) {
                parts.add("company " + String.join(" or ", new java.util.TreeSet<>(companies)));
            }
            if (!departments.isEmpty()) {
                parts.add("department " + String.join(" or ", new java.util.TreeSet<>(departments)));
            }
            if (!kinds.isEmpty()) {
                parts.add(String.join(" or ", new java.util.TreeSet<>(kinds)) + " messages");
            }
            return parts.isEmpty() ? "every message" : String.join(", ", parts);
        }

        /** Whether every message this rule matches is matched by {@code earlier} already. */
        boolean hiddenBy(Rule earlier) {
            return covers(earlier.countries, countries) && covers(earlier.companies, companies)
                    && covers(earlier.departments, departments) && covers(earlier.kinds, kinds)
                    && (earlier.prefixes.isEmpty() || !prefixes.isEmpty()
                    && prefixes.stream().allMatch(p -> earlier.prefixes.stream().anyMatch(p::startsWith)));
        }

        private static boolean covers(Set<String> wider, Set<String> narrower) {
            return wider.isEmpty() || !narrower.isEmpty() && wider.containsAll(narrower);
        }
    }

    /** The kinds a rule may name: how many recipients, and where the message came from. */
    static final String INTERACTIVE = "interactive";
    static final String BULK = "bulk";

    @Inject
    Config config;

    @Inject
    CarrierNames carriers;

    private List<Rule> rules;
    private boolean hasDefault;

    public Routes() {
    }

    /** Outside the container (tests). */
    Routes(List<Rule> rules, List<String> carriers) {
        this.rules = validated(rules, carriers);
        this.hasDefault = carriers.contains(CarrierNames.DEFAULT);
    }

    @PostConstruct
    void init() {
        List<Rule> read = new ArrayList<>();
        for (String name : values("gateway.routes", Function.identity())) {
            String prefix = "gateway.route." + name + ".";
            read.add(new Rule(name,
                    values(prefix + "prefixes", p -> p.startsWith("+") ? p : "+" + p),
                    Set.copyOf(values(prefix + "countries", c -> c.toUpperCase(Locale.ROOT))),
                    Set.copyOf(values(prefix + "companies", Routes::folded)),
                    Set.copyOf(values(prefix + "departments", Routes::folded)),
                    Set.copyOf(values(prefix + "kinds", Routes::folded)),
                    values(prefix + "carriers", Function.identity())));
        }
        rules = validated(read, carriers.all());
        hasDefault = carriers.hasDefault();
    }

    /** The rules in the order they are tried. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * The carriers to try for a message from {@code sender} to {@code e164}, in order (empty for the
     * default carrier alone), or nothing if no carrier may take it.
     */
    public Optional<List<String>> carriersFor(Sender sender, String e164, boolean interactive, MessageSource source) {
        if (rules.isEmpty()) {
            return hasDefault ? Optional.of(List.of()) : Optional.empty();
        }
        String country = PhoneNumbers.countryOf(e164).orElse("");
        Set<String> kinds = Set.of(interactive ? INTERACTIVE : BULK, folded(source.omsName()));
        for (Rule rule : rules) {
            if (rule.matches(e164, country, sender, kinds)) {
                return rule.carriers().isEmpty() ? Optional.empty()
                        : Optional.of(rule.carriers().equals(List.of(CarrierNames.DEFAULT)) ? List.of() : rule.carriers());
            }
        }
        return hasDefault ? Optional.of(List.of()) : Optional.empty();
    }

    /** The rules, refused if one names a carrier that does not exist; a rule an earlier one hides is logged. */
    static List<Rule> validated(List<Rule> rules, List<String> carriers) {
        Set<String> kinds = Set.of(INTERACTIVE, BULK);
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            for (String carrier : rule.carriers()) {
                if (!carriers.contains(carrier)) {
                    throw new IllegalArgumentException("gateway.route." + rule.name() + ".carriers names carrier '"
                            + carrier + "', which is not configured (carriers: " + carriers + ")");
                }
            }
            for (String kind : rule.kinds()) {
                if (!kinds.contains(kind) && !"addin".equals(kind) && MessageSource.ofOmsName(kind).isEmpty()) {
                    throw new IllegalArgumentException("gateway.route." + rule.name() + ".kinds: '" + kind
                            + "' is not a kind (interactive, bulk, or a source such as addIn or reminder)");
                }
            }
            for (Rule earlier : rules.subList(0, i)) {
                if (rule.hiddenBy(earlier)) {
                    LOG.warning(() -> "Route '" + rule.name() + "' never applies: route '" + earlier.name()
                            + "', before it, matches every message it would");
                }
            }
        }
        return List.copyOf(rules);
    }

    private List<String> values(String key, Function<String, String> normalised) {
        return config.getOptionalValues(key, String.class).orElse(List.of()).stream().map(String::strip)
                .filter(v -> !v.isEmpty()).map(normalised).collect(Collectors.toList());
    }

    private static String folded(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}

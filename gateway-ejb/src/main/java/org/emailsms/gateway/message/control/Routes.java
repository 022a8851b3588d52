package org.emailsms.gateway.message.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
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
 * Which carriers a message goes through: an ordered list of rules, each matching on any of
 * destination prefix, destination country, company, department and kind, and naming the carriers to
 * try in order (the first, then fallbacks). The first rule that matches decides; a message no rule matches goes through
 * {@value CarrierNames#DEFAULT}. A rule that names no carrier, or a message no rule matches where
 * there is no default carrier, is refused at acceptance: no carrier may take it.
 *
 * <p>The rules live in the database ({@link RouteTable}), edited by the provider's administrators;
 * {@code gateway.routes} (each under {@code gateway.route.<name>.*}) gives the first ones, at a start
 * on an empty table. Each node reads them again every {@value #RELOAD_SECONDS} seconds (at the next
 * message after a change made on it). A message keeps the carriers chosen when it was accepted; a
 * change of the rules applies to messages accepted after it.
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

    static final int RELOAD_SECONDS = 5;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}");
    private static final Pattern PREFIX = Pattern.compile("\\+[1-9][0-9]{0,14}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    @Inject
    RouteTable table;

    private volatile List<Rule> rules;
    private volatile long loadedAt;
    private boolean hasDefault;

    public Routes() {
    }

    /** Outside the container (tests). */
    Routes(List<Rule> rules, List<String> carriers) {
        List<String> wrong = problems(rules, carriers).stream().filter(p -> !p.contains("never applies")).toList();
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", wrong));
        }
        this.rules = List.copyOf(rules);
        this.hasDefault = carriers.contains(CarrierNames.DEFAULT);
    }

    @PostConstruct
    void init() {
        hasDefault = carriers.hasDefault();
        List<Rule> configured = configured();
        try {
            if (table.storeIfEmpty(configured)) {
                LOG.info(() -> configured.size() + " routes of gateway.routes stored as the first routes to carriers");
            } else if (!configured.isEmpty()) {
                LOG.info("gateway.routes is not used: the database holds routes already (the portal's Routes page edits them)");
            }
        } catch (RuntimeException storedElsewhere) {
            // Another node starting at the same time stored them first: its rows are the ones read below.
            LOG.log(Level.FINE, "the first routes were stored by another node", storedElsewhere);
        }
        refresh(true);
    }

    /** The rules of {@code gateway.routes}, refused if one names a carrier that does not exist. */
    private List<Rule> configured() {
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
        List<String> wrong = problems(read, carriers.all()).stream().filter(p -> !p.contains("never applies")).toList();
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", wrong));
        }
        return read;
    }

    /**
     * The rules as the database has them now, unless another thread has just read them; kept as they
     * were if it cannot be read.
     */
    private synchronized void refresh(boolean now) {
        if (!now && !stale()) {
            return;
        }
        try {
            List<Rule> read = table.read();
            problems(read, carriers.all()).forEach(problem -> LOG.warning(() -> "Routes to carriers: " + problem));
            rules = List.copyOf(read);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the routes to carriers; the ones read before apply", e);
            if (rules == null) {
                rules = List.of();
            }
        }
        loadedAt = System.nanoTime();
    }

    private boolean stale() {
        return System.nanoTime() - loadedAt > TimeUnit.SECONDS.toNanos(RELOAD_SECONDS);
    }

    private List<Rule> current() {
        if (table != null && stale()) {
            refresh(false);
        }
        return rules;
    }

    /**
     * Replaces the rules (in the caller's transaction) after checking them: every carrier they name
     * exists, every kind is one, no rule is hidden by an earlier one. Returns what is wrong, and
     * changes nothing then.
     */
    public List<String> replace(List<Rule> replacement) {
        List<String> wrong = problems(replacement, carriers.all());
        if (wrong.isEmpty()) {
            table.replace(replacement);
            // Read again at the next use, once committed (or rolled back): not a list that may never be.
            loadedAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(RELOAD_SECONDS + 1);
        }
        return wrong;
    }

    /** The carriers that exist, for the pages that edit routes. */
    public List<String> carrierNames() {
        return carriers.all();
    }

    /** The rules in the order they are tried. */
    public List<Rule> rules() {
        return current();
    }

    /**
     * The carriers to try for a message from {@code sender} to {@code e164}, in order (empty for the
     * default carrier alone), or nothing if no carrier may take it.
     */
    public Optional<List<String>> carriersFor(Sender sender, String e164, boolean interactive, MessageSource source) {
        List<Rule> now = current();
        if (now.isEmpty()) {
            return hasDefault ? Optional.of(List.of()) : Optional.empty();
        }
        String country = PhoneNumbers.countryOf(e164).orElse("");
        Set<String> kinds = Set.of(interactive ? INTERACTIVE : BULK, source == null ? "" : folded(source.omsName()));
        for (Rule rule : now) {
            if (rule.matches(e164, country, sender, kinds)) {
                return rule.carriers().isEmpty() ? Optional.empty()
                        : Optional.of(rule.carriers().equals(List.of(CarrierNames.DEFAULT)) ? List.of() : rule.carriers());
            }
        }
        return hasDefault ? Optional.of(List.of()) : Optional.empty();
    }

    /**
     * What is wrong with {@code rules}: a carrier that does not exist, a kind that is none, a name
     * given twice or not a name, a prefix or country that cannot be one, a rule that never applies
     * because an earlier one matches every message it would.
     */
    static List<String> problems(List<Rule> rules, List<String> carriers) {
        Set<String> kinds = Set.of(INTERACTIVE, BULK);
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String where = "route '" + rule.name() + "'";
            if (rule.name() == null || !NAME.matcher(rule.name()).matches()) {
                problems.add(where + ": a name is 1 to 40 letters, digits, spaces, dots, hyphens or underscores");
            } else if (!names.add(rule.name().toLowerCase(Locale.ROOT))) {
                problems.add(where + ": the name is given twice");
            }
            for (String carrier : rule.carriers()) {
                if (!carriers.contains(carrier)) {
                    problems.add(where + " names carrier '" + carrier + "', which is not configured (carriers: "
                            + String.join(", ", carriers) + ")");
                }
            }
            for (String kind : rule.kinds()) {
                if (!kinds.contains(kind) && !"addin".equals(kind) && MessageSource.ofOmsName(kind).isEmpty()) {
                    problems.add(where + ": '" + kind + "' is not a kind (interactive, bulk, or a source such as "
                            + "addIn or reminder)");
                }
            }
            rule.prefixes().stream().filter(p -> !PREFIX.matcher(p).matches()).forEach(p -> problems.add(where
                    + ": '" + p + "' is not a number prefix in E.164 (such as +61 or +6421)"));
            rule.countries().stream().filter(c -> !COUNTRY.matcher(c).matches()).forEach(c -> problems.add(where
                    + ": '" + c + "' is not a two-letter country code (such as AU)"));
            for (Rule earlier : rules.subList(0, i)) {
                if (rule.hiddenBy(earlier)) {
                    problems.add(where + " never applies: route '" + earlier.name()
                            + "', before it, matches every message it would");
                }
            }
        }
        return problems;
    }

    private List<String> values(String key, Function<String, String> normalised) {
        return config.getOptionalValues(key, String.class).orElse(List.of()).stream().map(String::strip)
                .filter(v -> !v.isEmpty()).map(normalised).collect(Collectors.toList());
    }

    private static String folded(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}

package org.emailsms.gateway.platform.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which carriers this gateway sends through, by name: those listed in {@code gateway.carriers},
 * each configured under {@code gateway.carrier.<name>.*}, and {@value #DEFAULT}, the SMSC of the
 * {@code gateway.smsc.*} keys. {@value #DEFAULT} exists when no other carrier is listed (the
 * single-SMSC set-up, or the built-in simulator) or when {@code gateway.smsc.host} or
 * {@code gateway.smsc.binds} names an SMSC. The routes choose among these; the SMPP connector binds
 * to them.
 */
@ApplicationScoped
public class CarrierNames {

    public static final String DEFAULT = "default";
    /** Short enough to prefix an SMSC's message id in the part's receipt key. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    @Inject
    @ConfigProperty(name = "gateway.carriers")
    Optional<String> listed;

    @Inject
    @ConfigProperty(name = "gateway.smsc.host")
    Optional<String> defaultHost;

    @Inject
    @ConfigProperty(name = "gateway.smsc.binds")
    Optional<String> defaultBinds;

    private List<String> names;

    @PostConstruct
    void init() {
        names = of(listed.orElse(""), defaultHost.filter(h -> !h.isBlank()).isPresent()
                || defaultBinds.filter(b -> !b.isBlank()).isPresent());
    }

    /** Every carrier, {@value #DEFAULT} first when it exists. */
    public List<String> all() {
        return names;
    }

    public boolean exists(String name) {
        return names.contains(name);
    }

    public boolean hasDefault() {
        return names.contains(DEFAULT);
    }

    /** The carriers of {@code listed} (comma-separated), after {@value #DEFAULT} when it exists. */
    public static List<String> of(String listed, boolean defaultSmscNamed) {
        List<String> others = Arrays.stream(listed.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        for (String name : others) {
            if (!NAME.matcher(name).matches() || DEFAULT.equals(name)) {
                throw new IllegalArgumentException("gateway.carriers: '" + name + "' is not a carrier name (lower-case "
                        + "letters, digits and hyphens, at most 32, not '" + DEFAULT + "', which is the gateway.smsc.* SMSC)");
            }
        }
        if (others.stream().distinct().count() != others.size()) {
            throw new IllegalArgumentException("gateway.carriers names a carrier twice: " + listed);
        }
        List<String> all = new ArrayList<>();
        if (others.isEmpty() || defaultSmscNamed) {
            all.add(DEFAULT);
        }
        all.addAll(others);
        return List.copyOf(all);
    }
}

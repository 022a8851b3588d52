package org.emailsms.gateway.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emailsms.gateway.platform.boundary.GatewayResources;

/**
 * Which carriers this gateway sends through, by name: those listed in {@code gateway.carriers},
 * each configured under {@code gateway.carrier.<name>.*}; {@value #DEFAULT}, the SMSC of the
 * {@code gateway.smsc.*} keys; and those the provider's administrators added (table
 * {@code carrier}, read again every few seconds). {@value #DEFAULT} exists when no other carrier
 * is listed (the single-SMSC set-up, or the built-in simulator) or when {@code gateway.smsc.host}
 * or {@code gateway.smsc.binds} names an SMSC. The routes choose among these; the SMPP connector
 * binds to them.
 */
@ApplicationScoped
public class CarrierNames {

    public static final String DEFAULT = "default";
    private static final Logger LOG = Logger.getLogger(CarrierNames.class.getName());
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

    private static final long READ_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Resource(lookup = GatewayResources.DATA_SOURCE)
    DataSource dataSource;

    private List<String> names;
    private volatile List<String> edited = List.of();
    private volatile long editedReadAt = Long.MIN_VALUE / 2;

    @PostConstruct
    void init() {
        names = of(listed.orElse(""), defaultHost.filter(h -> !h.isBlank()).isPresent()
                || defaultBinds.filter(b -> !b.isBlank()).isPresent());
    }

    /** Every carrier: {@value #DEFAULT} first when it exists, then the configured ones, then the added ones. */
    public List<String> all() {
        List<String> added = edited();
        if (added.isEmpty()) {
            return names;
        }
        List<String> all = new ArrayList<>(names);
        added.stream().filter(name -> !names.contains(name)).forEach(all::add);
        return List.copyOf(all);
    }

    /** The carriers of the configuration, which the portal cannot change. */
    public List<String> configured() {
        return names;
    }

    /** The added carriers changed on this node: read them at the next question. */
    public void changed() {
        editedReadAt = Long.MIN_VALUE / 2;
    }

    private List<String> edited() {
        if (dataSource == null || System.nanoTime() - editedReadAt < READ_EVERY_NANOS) {
            return edited;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT name FROM carrier ORDER BY name");
             ResultSet rows = select.executeQuery()) {
            List<String> read = new ArrayList<>();
            while (rows.next()) {
                read.add(rows.getString(1));
            }
            edited = List.copyOf(read);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot read the carriers added in the portal; those read before apply", e);
        }
        editedReadAt = System.nanoTime();
        return edited;
    }

    /** Whether {@value #DEFAULT} exists (it is the configuration's alone). */
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

package org.emailsms.gateway.smsc.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.emailsms.gateway.platform.control.CarrierNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The carriers' SMSCs and how to bind to them (all MicroProfile Config, see the README). The carrier
 * {@value CarrierNames#DEFAULT} is the {@code gateway.smsc.*} keys: one bind, or several with
 * {@code gateway.smsc.binds=a,b} and {@code gateway.smsc.a.host=...}, each key falling back to the
 * unnamed one. Each carrier of {@code gateway.carriers} has its own keys,
 * {@code gateway.carrier.<name>.host} and so on, falling back to the defaults of the
 * {@code gateway.smsc.*} keys (not to their values: another carrier is another account). Timeouts
 * and intervals are the {@code gateway.smsc.*} ones for every carrier.
 */
@ApplicationScoped
public class SmscSettings {

    @Inject
    Config config;

    @Inject
    CarrierNames carrierNames;

    /** Comma-separated names of the binds; absent for the single default bind. */
    @Inject
    @ConfigProperty(name = "gateway.smsc.binds")
    Optional<String> bindNames;

    @Inject
    @ConfigProperty(name = "gateway.smsc.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "gateway.smsc.port", defaultValue = "2775")
    int port;

    /** Where the built-in simulator listens (loopback only) when no SMSC is configured. */
    @Inject
    @ConfigProperty(name = "gateway.smsc.simulator-port", defaultValue = "2775")
    int simulatorPort;

    @Inject
    @ConfigProperty(name = "gateway.smsc.system-id", defaultValue = "emailsms")
    String systemId;

    @Inject
    @ConfigProperty(name = "gateway.smsc.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "gateway.smsc.system-type")
    Optional<String> systemType;

    @Inject
    @ConfigProperty(name = "gateway.smsc.source-ton", defaultValue = "1")
    byte sourceTon;

    @Inject
    @ConfigProperty(name = "gateway.smsc.source-npi", defaultValue = "1")
    byte sourceNpi;

    /** Unacknowledged submits at a time on the bind. */
    @Inject
    @ConfigProperty(name = "gateway.smsc.window", defaultValue = "10")
    int window;

    /** Submits per second at most; 0 for no cap. */
    @Inject
    @ConfigProperty(name = "gateway.smsc.throughput", defaultValue = "0")
    int throughput;

    @Inject
    @ConfigProperty(name = "gateway.smsc.response-timeout", defaultValue = "PT10S")
    Duration responseTimeout;

    /** The longest wait between bind attempts while the SMSC cannot be reached. */
    @Inject
    @ConfigProperty(name = "gateway.smsc.rebind-max-wait", defaultValue = "PT60S")
    Duration rebindMaxWait;

    @Inject
    @ConfigProperty(name = "gateway.smsc.enquire-link-interval", defaultValue = "PT30S")
    Duration enquireLinkInterval;

    /** How often idle binds are checked and bound again, so that replies and receipts can come in. */
    @Inject
    @ConfigProperty(name = "gateway.smsc.bind-check-interval", defaultValue = "PT5S")
    Duration bindCheckInterval;

    @Inject
    @ConfigProperty(name = "gateway.smsc.tls", defaultValue = "false")
    boolean tls;

    @Inject
    @ConfigProperty(name = "gateway.smsc.trust-store")
    Optional<String> trustStore;

    @Inject
    @ConfigProperty(name = "gateway.smsc.trust-store-password")
    Optional<String> trustStorePassword;

    @Inject
    @ConfigProperty(name = "gateway.smsc.receipts", defaultValue = "true")
    boolean receipts;

    /** How long the SMSC keeps trying to reach the handset; empty: the SMSC's own default. */
    @Inject
    @ConfigProperty(name = "gateway.smsc.validity-period")
    Optional<Duration> validityPeriod;

    /** Without a configured SMSC the gateway binds to its own simulator, so that it works out of the box. */
    public boolean isSimulated() {
        return host.filter(h -> !h.isBlank()).isEmpty() && names().isEmpty()
                && carrierNames.configured().equals(List.of(CarrierNames.DEFAULT));
    }

    /** Every carrier of the configuration with its binds, {@value CarrierNames#DEFAULT} first when it exists. */
    public List<CarrierSettings> carriers() {
        List<CarrierSettings> carriers = new ArrayList<>();
        for (String name : carrierNames.configured()) {
            carriers.add(CarrierNames.DEFAULT.equals(name) ? defaultCarrier() : carrier(name));
        }
        return carriers;
    }

    /** Every bind of every carrier. */
    public List<BindSettings> binds() {
        return carriers().stream().flatMap(carrier -> carrier.binds().stream()).toList();
    }

    private CarrierSettings defaultCarrier() {
        return new CarrierSettings(CarrierNames.DEFAULT, defaultBinds(), sourceTon, sourceNpi, validityPeriod, receipts,
                new CarrierSettings.Tls(tls, trustStore.filter(s -> !s.isBlank()).map(Path::of), trustStorePassword.orElse("")));
    }

    private CarrierSettings carrier(String name) {
        String prefix = "gateway.carrier." + name + ".";
        String carrierHost = config.getOptionalValue(prefix + "host", String.class).filter(h -> !h.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(prefix + "host is not set: carrier '" + name
                        + "' of gateway.carriers has no SMSC"));
        int carrierPort = config.getOptionalValue(prefix + "port", Integer.class).orElse(2775);
        String id = config.getOptionalValue(prefix + "system-id", String.class).orElse("emailsms");
        String secret = config.getOptionalValue(prefix + "password", String.class).orElse("");
        String type = config.getOptionalValue(prefix + "system-type", String.class).orElse("");
        int carrierWindow = config.getOptionalValue(prefix + "window", Integer.class).orElse(10);
        int cap = config.getOptionalValue(prefix + "throughput", Integer.class).orElse(0);
        int bindCount = config.getOptionalValue(prefix + "binds", Integer.class).orElse(1);
        if (bindCount < 1 || bindCount > 16) {
            throw new IllegalArgumentException(prefix + "binds must be 1 to 16: " + bindCount);
        }
        List<BindSettings> carrierBinds = BindSettings.ofCarrier(name, bindCount, carrierHost, carrierPort, id, secret, type,
                carrierWindow, cap);
        return new CarrierSettings(name, carrierBinds,
                config.getOptionalValue(prefix + "source-ton", Byte.class).orElse((byte) 1),
                config.getOptionalValue(prefix + "source-npi", Byte.class).orElse((byte) 1),
                config.getOptionalValue(prefix + "validity-period", Duration.class),
                config.getOptionalValue(prefix + "receipts", Boolean.class).orElse(true),
                new CarrierSettings.Tls(config.getOptionalValue(prefix + "tls", Boolean.class).orElse(false),
                        config.getOptionalValue(prefix + "trust-store", String.class).filter(s -> !s.isBlank()).map(Path::of),
                        config.getOptionalValue(prefix + "trust-store-password", String.class).orElse("")));
    }

    /** The binds of the {@code gateway.smsc.*} SMSC, in the order they are tried. */
    private List<BindSettings> defaultBinds() {
        List<String> names = names();
        if (names.isEmpty()) {
            return List.of(new BindSettings("default", host(), port(), systemId, password(), systemType(), window,
                    throughput));
        }
        return names.stream().map(name -> new BindSettings(name,
                config.getOptionalValue("gateway.smsc." + name + ".host", String.class).orElseGet(this::host),
                config.getOptionalValue("gateway.smsc." + name + ".port", Integer.class).orElse(port),
                config.getOptionalValue("gateway.smsc." + name + ".system-id", String.class).orElse(systemId),
                config.getOptionalValue("gateway.smsc." + name + ".password", String.class).orElseGet(this::password),
                config.getOptionalValue("gateway.smsc." + name + ".system-type", String.class).orElseGet(this::systemType),
                config.getOptionalValue("gateway.smsc." + name + ".window", Integer.class).orElse(window),
                config.getOptionalValue("gateway.smsc." + name + ".throughput", Integer.class).orElse(throughput)))
                .toList();
    }

    private List<String> names() {
        return bindNames.stream().flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    public String host() {
        return isSimulated() ? "127.0.0.1" : host.orElse("localhost");
    }

    public int port() {
        return isSimulated() ? simulatorPort : port;
    }

    public int simulatorPort() {
        return simulatorPort;
    }

    public String password() {
        return password.orElse("");
    }

    public String systemType() {
        return systemType.orElse("");
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    public Duration longestRebindWait() {
        return rebindMaxWait;
    }

    public Duration bindCheckInterval() {
        return bindCheckInterval;
    }

    public Duration enquireLinkInterval() {
        return enquireLinkInterval;
    }
}

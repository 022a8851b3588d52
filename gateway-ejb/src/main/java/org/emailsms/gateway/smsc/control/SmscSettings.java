package org.emailsms.gateway.smsc.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The carrier's SMSC and how to bind to it (all MicroProfile Config, see the README). One bind by
 * default, from the {@code gateway.smsc.*} keys; several with {@code gateway.smsc.binds=a,b} and
 * {@code gateway.smsc.a.host=...}, each key falling back to the unnamed one.
 */
@ApplicationScoped
public class SmscSettings {

    @Inject
    Config config;

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

    /** Without a configured SMSC the gateway binds to its own simulator, so that it works out of the box. */
    /** How long the SMSC keeps trying to reach the handset; empty: the SMSC's own default. */
    @Inject
    @ConfigProperty(name = "gateway.smsc.validity-period")
    Optional<Duration> validityPeriod;

    public Optional<Duration> validityPeriod() {
        return validityPeriod;
    }

    public boolean isSimulated() {
        return host.filter(h -> !h.isBlank()).isEmpty() && names().isEmpty();
    }

    /** Every bind to open, in the order they are tried. */
    public List<BindSettings> binds() {
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

    public byte sourceTon() {
        return sourceTon;
    }

    public byte sourceNpi() {
        return sourceNpi;
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

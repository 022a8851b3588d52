package org.emailsms.gateway.smsc.boundary;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.emailsms.gateway.account.control.AdminAudit;
import org.emailsms.gateway.account.control.Tenancy;
import org.emailsms.gateway.account.entity.AdminActionKind;
import org.emailsms.gateway.account.entity.User;
import org.emailsms.gateway.message.control.Routes;
import org.emailsms.gateway.platform.boundary.InvalidRequestException;
import org.emailsms.gateway.platform.boundary.NotAuthorizedException;
import org.emailsms.gateway.platform.control.CarrierNames;
import org.emailsms.gateway.smsc.control.BindSettings;
import org.emailsms.gateway.smsc.control.CarrierSettings;
import org.emailsms.gateway.smsc.control.CarrierTable;
import org.emailsms.gateway.smsc.control.SmppConnector;
import org.emailsms.gateway.smsc.control.SmscSettings;

/**
 * The carriers, for the provider's administrators (the portal's Carriers page and SOAP
 * provisioning): those of the configuration, read-only, and those added here, which are added,
 * changed and removed, checked and audited; passwords are written, never shown back. This node
 * binds to a change at once, the others at their next bind check.
 */
@Stateless
public class CarrierAdministration {

    private static final Logger LOG = Logger.getLogger(CarrierAdministration.class.getName());

    /** A carrier as administrators see it: no password, only whether one is set. */
    public record CarrierView(String name, boolean editable, String host, int port, String systemId, boolean passwordSet,
                              String systemType, int binds, int window, int throughput, int sourceTon, int sourceNpi,
                              String validityPeriod, boolean receipts, boolean tls, String trustStore)
            implements Serializable {
    }

    /**
     * A carrier to add or change. {@code password} and {@code trustStorePassword}: null keeps the one
     * stored, empty removes it. {@code validityPeriod}: an ISO-8601 duration such as P2D, or empty for
     * the SMSC's default.
     */
    public record CarrierChange(String name, String host, int port, String systemId, String password,
                                String systemType, int binds, int window, int throughput, int sourceTon, int sourceNpi,
                                String validityPeriod, boolean receipts, boolean tls, String trustStore,
                                String trustStorePassword) implements Serializable {
    }

    @Inject
    CarrierTable table;

    @Inject
    CarrierNames names;

    @Inject
    SmscSettings settings;

    @Inject
    Routes routes;

    @Inject
    Tenancy tenancy;

    @Inject
    AdminAudit audit;

    @EJB
    SmppConnector connector;

    public List<CarrierView> carriers(String actorName) throws NotAuthorizedException {
        tenancy.providerAdministrator(actorName);
        List<CarrierView> carriers = new ArrayList<>();
        for (CarrierSettings carrier : settings.carriers()) {
            carriers.add(view(carrier, false));
        }
        for (CarrierTable.Row row : table.list()) {
            carriers.add(new CarrierView(row.name(), true, row.host(), row.port(), row.systemId(), row.password() != null,
                    row.systemType(), row.binds(), row.window(), row.throughput(), row.sourceTon(), row.sourceNpi(),
                    row.validityPeriod() == null ? "" : row.validityPeriod().toString(), row.receipts(), row.tls(),
                    row.trustStore() == null ? "" : row.trustStore()));
        }
        return carriers;
    }

    /** Adds the carrier, or changes the one added under its name; every problem named, nothing changed then. */
    public void save(String actorName, CarrierChange change) throws NotAuthorizedException, InvalidRequestException {
        User actor = tenancy.providerAdministrator(actorName);
        List<String> problems = problems(change);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The carrier was not saved: " + String.join("; ", problems) + ".");
        }
        boolean exists = table.list().stream().anyMatch(row -> row.name().equals(change.name()));
        String validity = change.validityPeriod() == null ? "" : change.validityPeriod().strip();
        table.save(new CarrierTable.Row(change.name(), change.host().strip(), change.port(), change.systemId().strip(),
                change.password(), blankIfNull(change.systemType()).strip(), change.binds(), change.window(),
                change.throughput(), change.sourceTon(), change.sourceNpi(),
                validity.isEmpty() ? null : Duration.parse(validity), change.receipts(), change.tls(),
                blankIfNull(change.trustStore()).isBlank() ? null : change.trustStore().strip(),
                change.trustStorePassword()));
        audit.record(actor, null, exists ? AdminActionKind.CHANGED : AdminActionKind.CREATED, "carrier " + change.name(),
                change.systemId() + "@" + change.host() + ":" + change.port() + ", " + change.binds() + " bind(s)"
                        + (change.tls() ? ", TLS" : "") + (change.password() != null ? ", password changed" : ""));
        applied();
        LOG.info(() -> "'" + actorName + "' " + (exists ? "changed" : "added") + " carrier " + change.name());
    }

    /** Removes a carrier added here; refused while a route names it. */
    public void remove(String actorName, String name) throws NotAuthorizedException, InvalidRequestException {
        User actor = tenancy.providerAdministrator(actorName);
        if (names.configured().contains(name)) {
            throw new InvalidRequestException("Carrier " + name + " is the configuration's (gateway.carriers or "
                    + "gateway.smsc.*): it is removed there, not here.");
        }
        List<String> naming = routes.rules().stream().filter(rule -> rule.carriers().contains(name))
                .map(Routes.Rule::name).toList();
        if (!naming.isEmpty()) {
            throw new InvalidRequestException("Carrier " + name + " is named by route(s) " + String.join(", ", naming)
                    + ": change the routes first.");
        }
        if (!table.delete(name)) {
            throw new InvalidRequestException("There is no carrier " + name + " added here.");
        }
        audit.record(actor, null, AdminActionKind.DELETED, "carrier " + name, "");
        applied();
        LOG.info(() -> "'" + actorName + "' removed carrier " + name);
    }

    /** The carriers added here, as the connector opens them: every node's bind check asks. */
    public List<CarrierSettings> added() {
        return table.read();
    }

    private void applied() {
        names.changed();
        connector.refresh(table.read());
    }

    private List<String> problems(CarrierChange change) {
        List<String> problems = new ArrayList<>();
        String name = blankIfNull(change.name());
        try {
            if (name.isBlank()) {
                throw new IllegalArgumentException("no name");
            }
            CarrierNames.of(name, false);
        } catch (IllegalArgumentException e) {
            problems.add("'" + name + "' is not a carrier name (lower-case letters, digits and hyphens, at most 32)");
        }
        if (names.configured().contains(name)) {
            problems.add("carrier " + name + " is the configuration's; choose another name");
        }
        if (blankIfNull(change.host()).isBlank() || change.host().length() > 255) {
            problems.add("the host is required");
        }
        if (change.port() < 1 || change.port() > 65_535) {
            problems.add("the port is 1 to 65535");
        }
        if (blankIfNull(change.systemId()).isBlank() || change.systemId().strip().length() > 15) {
            problems.add("the system id is 1 to 15 characters");
        }
        if (change.password() != null && change.password().length() > 8) {
            problems.add("an SMPP password is at most 8 characters");
        }
        if (blankIfNull(change.systemType()).length() > 12) {
            problems.add("the system type is at most 12 characters");
        }
        if (change.binds() < 1 || change.binds() > 16) {
            problems.add("binds are 1 to 16");
        }
        if (change.window() < 1 || change.window() > 1_000) {
            problems.add("the window is 1 to 1000 submits");
        }
        if (change.throughput() < 0) {
            problems.add("the throughput cap is 0 (none) or more submits a second");
        }
        if (change.sourceTon() < 0 || change.sourceTon() > 6 || change.sourceNpi() < 0 || change.sourceNpi() > 18) {
            problems.add("the source TON is 0 to 6 and the NPI 0 to 18");
        }
        String validity = blankIfNull(change.validityPeriod()).strip();
        if (!validity.isEmpty()) {
            try {
                Duration period = Duration.parse(validity);
                if (period.isNegative() || period.isZero()) {
                    problems.add("the validity period is positive");
                }
            } catch (DateTimeParseException e) {
                problems.add("the validity period is an ISO-8601 duration such as P2D or PT12H");
            }
        }
        String trustStore = blankIfNull(change.trustStore()).strip();
        if (!trustStore.isEmpty() && !Files.isReadable(Path.of(trustStore))) {
            problems.add("the trust store " + trustStore + " cannot be read on this node");
        }
        return problems;
    }

    private CarrierView view(CarrierSettings carrier, boolean editable) {
        BindSettings first = carrier.binds().get(0);
        return new CarrierView(carrier.name(), editable, first.host(), first.port(), first.systemId(),
                !first.password().isEmpty(), first.systemType(), carrier.binds().size(), first.window(), first.throughput(),
                carrier.sourceTon(), carrier.sourceNpi(), carrier.validityPeriod().map(Duration::toString).orElse(""),
                carrier.receipts(), carrier.tls().enabled(), carrier.tls().trustStore().map(Path::toString).orElse(""));
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}

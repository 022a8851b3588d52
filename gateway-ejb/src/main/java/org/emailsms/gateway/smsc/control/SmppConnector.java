package org.emailsms.gateway.smsc.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.emailsms.gateway.inbound.control.InboundJournal;
import org.emailsms.gateway.platform.control.CarrierNames;

import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.ConnectionFactory;

/**
 * The SMPP connector: the carriers, each with one or more binds used in turn. A part goes through
 * the first carrier of its route that takes it; a carrier whose binds are all down, or that fails
 * the submit for a reason that is not the message's own (a system error, throttling, no answer),
 * passes it to the next carrier of the route within the same attempt. A permanent refusal of the
 * part itself (an invalid destination address, for example) ends the attempt.
 */
@Singleton
// Started after and stopped before the journal: a bind that outlives it would answer every receipt
// arriving during shutdown with an error.
@DependsOn("InboundJournal")
// Submits run concurrently; each bind serialises only its own binding.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SmppConnector {

    private static final Logger LOG = Logger.getLogger(SmppConnector.class.getName());

    @Inject
    SmscSettings settings;

    @EJB
    InboundJournal journal;

    @Inject
    DeliveryStatistics statistics;

    /** A carrier's binds, used in turn. */
    private record Carrier(CarrierSettings settings, List<SmppBind> binds, AtomicInteger next) {

        String name() {
            return settings.name();
        }
    }

    /** Replaced whole when the carriers added in the portal change; read without a lock. */
    private volatile Map<String, Carrier> carriers;
    private Map<String, Carrier> configured;

    @PostConstruct
    void init() {
        Map<String, Carrier> open = new LinkedHashMap<>();
        for (CarrierSettings carrier : settings.carriers()) {
            open.put(carrier.name(), open(carrier));
        }
        configured = Collections.unmodifiableMap(open);
        carriers = configured;
    }

    private Carrier open(CarrierSettings carrier) {
        InboundListener inbound = new InboundListener(journal, carrier.name());
        ConnectionFactory connections = carrier.tls().enabled()
                ? new TlsConnections(carrier.tls(), settings.responseTimeout()) : null;
        return new Carrier(carrier, carrier.binds().stream()
                .map(bind -> new SmppBind(bind, carrier, settings, connections, inbound)).toList(), new AtomicInteger());
    }

    /**
     * The carriers added in the portal are now {@code added}: new ones are opened (bound at the next
     * bind check), changed ones opened again, removed ones closed. A name of the configuration's is
     * never replaced. In flight, a submit finishes on the bind it started on.
     */
    public synchronized void refresh(List<CarrierSettings> added) {
        Map<String, Carrier> current = carriers;
        Map<String, Carrier> next = new LinkedHashMap<>(configured);
        for (CarrierSettings carrier : added) {
            if (configured.containsKey(carrier.name())) {
                continue;
            }
            Carrier existing = current.get(carrier.name());
            next.put(carrier.name(), existing != null && existing.settings().equals(carrier) ? existing : open(carrier));
        }
        if (next.equals(current)) {
            return;
        }
        carriers = Collections.unmodifiableMap(next);
        current.forEach((name, carrier) -> {
            if (next.get(name) != carrier) {
                LOG.info(() -> "Carrier " + name + " changed or removed: its binds are closed");
                carrier.binds().forEach(SmppBind::close);
            }
        });
        next.keySet().stream().filter(name -> !current.containsKey(name))
                .forEach(name -> LOG.info(() -> "Carrier " + name + " added: it is bound at the next bind check"));
    }

    /**
     * Submits one part through the first carrier of {@code route} that takes it (the
     * {@value CarrierNames#DEFAULT} carrier for an empty route); returns the carrier and the SMSC's
     * id for the part.
     */
    public Submitted submit(List<String> route, Submission part) throws SubmitFailedException {
        List<String> tried = route.isEmpty() ? List.of(CarrierNames.DEFAULT) : route;
        Map<String, Carrier> now = carriers;
        SubmitFailedException last = null;
        for (String name : tried) {
            Carrier carrier = now.get(name);
            if (carrier == null) {
                last = new SubmitFailedException("There is no carrier '" + name + "' (any more)", false, null);
                continue;
            }
            try {
                return new Submitted(carrier.name(), submit(carrier, part));
            } catch (SubmitFailedException failed) {
                statistics.notTaken(carrier.name());
                SubmitFailedException e = now.size() > 1 ? failed.of(carrier.name()) : failed;
                if (e.isPermanent()) {
                    throw e;
                }
                LOG.fine(() -> "A part to " + part.destinationE164() + " not taken: " + e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    private static String submit(Carrier carrier, Submission part) throws SubmitFailedException {
        List<SmppBind> binds = carrier.binds();
        int start = Math.floorMod(carrier.next().getAndIncrement(), binds.size());
        SubmitFailedException lastBindFailure = null;
        for (int i = 0; i < binds.size(); i++) {
            SmppBind bind = binds.get((start + i) % binds.size());
            SMPPSession session;
            try {
                session = bind.bound();
            } catch (SubmitFailedException cannotBind) {
                lastBindFailure = cannotBind;
                continue;
            }
            return bind.submit(session, part);
        }
        throw lastBindFailure;
    }

    /**
     * Binds whatever is not bound (each bind keeps its own back-off): the SMSC can deliver replies
     * and receipts only over a bind, so binds are kept up even when nothing is being sent.
     */
    public void keepBound() {
        for (SmppBind bind : binds()) {
            try {
                bind.bound();
            } catch (SubmitFailedException down) {
                LOG.fine(down::getMessage);
            }
        }
    }

    /** Whether every bind is up right now. */
    public boolean isBound() {
        return binds().stream().allMatch(SmppBind::isBound);
    }

    /** How many binds of {@code carrier} are up right now. */
    public long boundBinds(String carrier) {
        Carrier found = carriers.get(carrier);
        return found == null ? 0 : found.binds().stream().filter(SmppBind::isBound).count();
    }

    /** One bind of {@code carrier} as health and the Operations page show it. */
    public record BindState(String carrier, String peer, boolean bound, Optional<String> failure) {

        /** For example "smsc.example:2775 not bound: TLS handshake failed, ...". */
        public String describe() {
            return peer + (bound ? " bound" : " not bound" + failure.map(why -> ": " + why).orElse(""));
        }
    }

    /**
     * Each bind by name (a carrier's binds are named after it: {@code nz}, or {@code nz-1} and
     * {@code nz-2}; after the carrier's name as well, {@code nz/nz-1}, should that name be taken by
     * another): its peer, whether it is bound, and why not.
     */
    public Map<String, BindState> bindStates() {
        Map<String, BindState> states = new LinkedHashMap<>();
        carriers.values().forEach(carrier -> carrier.binds().forEach(bind -> states.put(
                states.containsKey(bind.name()) ? carrier.name() + "/" + bind.name() : bind.name(),
                new BindState(carrier.name(), bind.peer() + (settings.isSimulated() ? " (built-in simulator)" : ""), bind.isBound(),
                        bind.bindFailure()))));
        return states;
    }

    private List<SmppBind> binds() {
        return carriers.values().stream().flatMap(carrier -> carrier.binds().stream()).toList();
    }

    @PreDestroy
    void unbind() {
        binds().forEach(SmppBind::close);
    }
}

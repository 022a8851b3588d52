package org.emailsms.gateway.smsc.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.emailsms.gateway.inbound.control.InboundJournal;

import org.jsmpp.session.SMPPSession;

/**
 * The SMPP connector: one or more binds to the carrier, used in turn. A submit goes over the next
 * bind that is (or can be) bound; a bind that cannot be made is skipped for that submit, so one
 * broken link does not stop the others.
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

    private List<SmppBind> binds;
    private final AtomicInteger next = new AtomicInteger();

    @PostConstruct
    void init() {
        InboundListener inbound = new InboundListener(journal);
        binds = settings.binds().stream().map(bind -> new SmppBind(bind, settings, inbound)).toList();
    }

    /** Submits one part; returns the SMSC's message id for it. */
    public String submit(Submission part) throws SubmitFailedException {
        int start = Math.floorMod(next.getAndIncrement(), binds.size());
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
        for (SmppBind bind : binds) {
            try {
                bind.bound();
            } catch (SubmitFailedException down) {
                LOG.fine(down::getMessage);
            }
        }
    }

    /** Whether every bind is up right now. */
    public boolean isBound() {
        return binds.stream().allMatch(SmppBind::isBound);
    }

    /** Each bind's name with its peer and whether it is bound, for health. */
    public Map<String, String> bindStates() {
        return binds.stream().collect(Collectors.toMap(SmppBind::name,
                bind -> bind.peer() + (settings.isSimulated() ? " (built-in simulator)" : "")
                        + (bind.isBound() ? " bound" : " not bound")));
    }

    @PreDestroy
    void unbind() {
        binds.forEach(SmppBind::close);
    }
}

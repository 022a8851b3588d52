package org.emailsms.gateway.smsc.control;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * The bind to the carrier's SMSC (jsmpp, transceiver). Binds on first use and again after the link
 * drops; keeps at most {@code window} submits unacknowledged and at most {@code throughput} per
 * second. jsmpp's checked exceptions end here, as {@link SubmitFailedException}.
 */
@Singleton
// Submits run concurrently; only binding is serialised, below.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SmppConnector {

    private static final Logger LOG = Logger.getLogger(SmppConnector.class.getName());
    private static final byte UDH_INDICATOR = 0x40;

    @Inject
    SmscSettings settings;

    private volatile SMPPSession session;
    private Semaphore window;
    private final AtomicLong nextSlotNanos = new AtomicLong();

    @PostConstruct
    void init() {
        window = new Semaphore(Math.max(1, settings.window()), true);
    }

    /** Submits one part; returns the SMSC's message id for it. */
    public String submit(Submission part) throws SubmitFailedException {
        SMPPSession bound = bound();
        acquireWindow();
        try {
            pace();
            ESMClass esm = part.isConcatenated() ? new ESMClass(UDH_INDICATOR) : new ESMClass();
            return bound.submitShortMessage("",
                    TypeOfNumber.valueOf(settings.sourceTon()), NumberingPlanIndicator.valueOf(settings.sourceNpi()),
                    digits(part.sourceE164()),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits(part.destinationE164()),
                    esm, (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(part.receiptWanted() ? 1 : 0), (byte) 0,
                    DataCodings.newInstance((byte) part.dataCoding()), (byte) 0, part.shortMessage())
                    .getMessageId();
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            throw new SubmitFailedException("SMSC refused the submit: " + CommandStatuses.describe(status),
                    CommandStatuses.isPermanent(status), e);
        } catch (ResponseTimeoutException e) {
            throw new SubmitFailedException("No acknowledgement from the SMSC within "
                    + settings.responseTimeout().toSeconds() + " s", false, e);
        } catch (IOException | InvalidResponseException e) {
            drop(bound);
            throw new SubmitFailedException("SMPP link failed: " + e.getMessage(), false, e);
        } catch (PDUException e) {
            throw new SubmitFailedException("The submit cannot be encoded: " + e.getMessage(), true, e);
        } finally {
            window.release();
        }
    }

    /** Whether the link is bound right now, for health. */
    public boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    /** Where the bind goes, for health. */
    public String peer() {
        return settings.host() + ":" + settings.port() + (settings.isSimulated() ? " (built-in simulator)" : "");
    }

    @PreDestroy
    void unbind() {
        SMPPSession current = session;
        session = null;
        if (current != null) {
            current.unbindAndClose();
        }
    }

    private synchronized SMPPSession bound() throws SubmitFailedException {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(settings.responseTimeout().toMillis());
        fresh.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
        try {
            fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                    settings.systemId(), settings.password(), settings.systemType(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        } catch (IOException e) {
            fresh.unbindAndClose();
            throw new SubmitFailedException("Cannot bind to the SMSC at " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), false, e);
        }
        LOG.info(() -> String.format("Bound to SMSC %s:%d as '%s'", settings.host(), settings.port(), settings.systemId()));
        session = fresh;
        return fresh;
    }

    private synchronized void drop(SMPPSession broken) {
        if (session == broken) {
            session = null;
            broken.unbindAndClose();
            LOG.warning(() -> "SMPP link to " + settings.host() + " dropped; it is bound again on the next submit");
        }
    }

    private void acquireWindow() throws SubmitFailedException {
        try {
            if (!window.tryAcquire(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SubmitFailedException("The SMPP window stayed full", false, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmitFailedException("Interrupted waiting for the SMPP window", false, e);
        }
    }

    /** Spaces submits evenly to respect the throughput cap, across all callers. */
    private void pace() {
        int perSecond = settings.throughput();
        if (perSecond <= 0) {
            return;
        }
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long now = System.nanoTime();
        long slot = nextSlotNanos.getAndUpdate(previous -> Math.max(previous, now) + interval);
        long wait = Math.max(slot, now) - now;
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}

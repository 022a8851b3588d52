package org.emailsms.gateway.smsc.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import java.util.regex.Pattern;

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
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.ConnectionFactory;

/**
 * One transceiver bind (jsmpp): bound on first use and again after the link drops (waiting longer
 * after each failed bind, up to {@code gateway.smsc.rebind-max-wait}), with at most
 * {@code window} submits unacknowledged and at most {@code throughput} per second. jsmpp's checked
 * exceptions end here, as {@link SubmitFailedException}.
 */
final class SmppBind {

    private static final Logger LOG = Logger.getLogger(SmppBind.class.getName());
    private static final byte UDH_INDICATOR = 0x40;
    private static final Pattern NUMERIC = Pattern.compile("\\+?\\d+");

    /** Incoming PDUs processed at once: receipts waiting to be stored, and the responses to submits. */
    static final int RECEIVING_THREADS = 16;

    private final BindSettings bind;
    private final TypeOfNumber sourceTon;
    private final NumberingPlanIndicator sourceNpi;
    private final Duration responseTimeout;
    private final Duration enquireLinkInterval;
    private final Semaphore window;
    private final Duration longestRebindWait;
    private final ThroughputCap throughput;
    private final ThrottleBackOff backOff = new ThrottleBackOff();
    /** SMPP relative time, or null for the SMSC's default. */
    private final String validityPeriod;
    private volatile SMPPSession session;
    /** After a failed bind, no new attempt before this time; the wait doubles with each failure. */
    private Instant nextBindAttempt = Instant.MIN;
    private int bindFailures;

    private final MessageReceiverListener receiver;
    /** TLS connections, or null for plain TCP (jsmpp's own). */
    private final ConnectionFactory connections;
    private final boolean receipts;
    /** Why the last bind attempt failed (without the SMSC's address), for health; null once bound. */
    private volatile String bindFailure;

    SmppBind(BindSettings bind, CarrierSettings carrier, SmscSettings smsc, ConnectionFactory connections,
             MessageReceiverListener receiver) {
        this.receiver = receiver;
        this.bind = bind;
        this.connections = connections;
        this.receipts = carrier.receipts();
        this.sourceTon = TypeOfNumber.valueOf(carrier.sourceTon());
        this.sourceNpi = NumberingPlanIndicator.valueOf(carrier.sourceNpi());
        this.responseTimeout = smsc.responseTimeout();
        this.enquireLinkInterval = smsc.enquireLinkInterval();
        this.window = new Semaphore(Math.max(1, bind.window()), true);
        this.longestRebindWait = smsc.longestRebindWait();
        this.throughput = new ThroughputCap(bind.throughput(), System.nanoTime());
        this.validityPeriod = carrier.validityPeriod().map(ValidityPeriod::relative).orElse(null);
    }

    String name() {
        return bind.name();
    }

    String peer() {
        return bind.host() + ":" + bind.port();
    }

    boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    /** Why the bind is down, if a bind attempt failed since it was last bound. */
    java.util.Optional<String> bindFailure() {
        return isBound() ? java.util.Optional.empty() : java.util.Optional.ofNullable(bindFailure);
    }

    /** Binds if need be; a bind that cannot be made is reported so that the next one can be tried. */
    synchronized SMPPSession bound() throws SubmitFailedException {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        Instant now = Instant.now();
        if (now.isBefore(nextBindAttempt)) {
            throw new SubmitFailedException("SMPP link " + bind + " is down; next bind attempt at " + nextBindAttempt,
                    false, null);
        }
        SMPPSession fresh = connections == null ? new SMPPSession() : new SMPPSession(connections);
        fresh.setMessageReceiverListener(receiver);
        fresh.setTransactionTimer(responseTimeout.toMillis());
        fresh.setEnquireLinkTimer((int) enquireLinkInterval.toMillis());
        // jsmpp hands what the SMSC sends to 3 threads by default, and a deliver_sm holds its thread
        // until it is stored: a carrier's window of receipts then queued the submit_sm_resps behind
        // it, and each receipt was stored nearly alone. With more, they wait together and go in one
        // write. The queue holds a full window of responses besides.
        fresh.setPduProcessorDegree(RECEIVING_THREADS);
        fresh.setQueueCapacity(Math.max(100, 2 * bind.window()));
        try {
            fresh.connectAndBind(bind.host(), bind.port(), new BindParameter(BindType.BIND_TRX,
                    bind.systemId(), bind.password(), bind.systemType(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        } catch (IOException e) {
            fresh.unbindAndClose();
            bindFailures++;
            Duration wait = Duration.ofSeconds(1L << Math.min(bindFailures - 1, 16));
            nextBindAttempt = now.plus(wait.compareTo(longestRebindWait) > 0 ? longestRebindWait : wait);
            bindFailure = describe(e);
            String reason = "Cannot bind " + bind + ": " + bindFailure;
            if (bindFailures == 1) {
                LOG.warning(reason);
            }
            throw new SubmitFailedException(reason, false, e);
        }
        bindFailures = 0;
        bindFailure = null;
        nextBindAttempt = Instant.MIN;
        LOG.info(() -> "Bound to SMSC " + bind);
        session = fresh;
        return fresh;
    }

    String submit(SMPPSession bound, Submission part) throws SubmitFailedException {
        acquireWindow();
        try {
            pace();
            ESMClass esm = part.isConcatenated() ? new ESMClass(UDH_INDICATOR) : new ESMClass();
            // A one-way sender (no reply path) may be alphanumeric, which SMPP marks as such.
            boolean alphanumeric = !NUMERIC.matcher(part.sourceE164()).matches();
            String smscId = bound.submitShortMessage("", alphanumeric ? TypeOfNumber.ALPHANUMERIC : sourceTon,
                    alphanumeric ? NumberingPlanIndicator.UNKNOWN : sourceNpi, digits(part.sourceE164()),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits(part.destinationE164()),
                    esm, (byte) 0, (byte) 1, null, validityPeriod,
                    new RegisteredDelivery(part.receiptWanted() && receipts ? 1 : 0), (byte) 0,
                    DataCodings.newInstance((byte) part.dataCoding()), (byte) 0, part.shortMessage())
                    .getMessageId();
            backOff.acknowledged();
            LOG.fine(() -> "Part " + part.partNumber() + " to " + part.destinationE164() + " acknowledged over "
                    + bind.name() + " (session " + bound.getSessionId() + "): SMSC id " + smscId);
            return smscId;
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            if (CommandStatuses.isThrottling(status)) {
                backOff.throttled(System.nanoTime());
                throw SubmitFailedException.throttled("SMSC asked to slow down: " + CommandStatuses.describe(status), e);
            }
            throw new SubmitFailedException("SMSC refused the submit: " + CommandStatuses.describe(status),
                    CommandStatuses.isPermanent(status), e);
        } catch (ResponseTimeoutException e) {
            throw new SubmitFailedException("No acknowledgement from the SMSC within "
                    + responseTimeout.toSeconds() + " s", false, e);
        } catch (IOException | InvalidResponseException e) {
            drop(bound);
            throw new SubmitFailedException("SMPP link failed: " + e.getMessage(), false, e);
        } catch (PDUException e) {
            throw new SubmitFailedException("The submit cannot be encoded: " + e.getMessage(), true, e);
        } finally {
            window.release();
        }
    }

    synchronized void close() {
        SMPPSession current = session;
        session = null;
        if (current != null) {
            current.unbindAndClose();
        }
    }

    private synchronized void drop(SMPPSession broken) {
        if (session == broken) {
            session = null;
            broken.unbindAndClose();
            LOG.warning(() -> "SMPP link " + bind + " dropped; it is bound again on the next submit");
        }
    }

    private void acquireWindow() throws SubmitFailedException {
        try {
            if (!window.tryAcquire(responseTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SubmitFailedException("The SMPP window of " + bind + " stayed full", false, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmitFailedException("Interrupted waiting for the SMPP window", false, e);
        }
    }

    /** Waits while the SMSC's throttling lasts, then for this submit's slot under the throughput cap. */
    private void pace() {
        long paused = backOff.remainingNanos(System.nanoTime());
        if (paused > 0) {
            LockSupport.parkNanos(paused);
        }
        long wait = throughput.reserve(System.nanoTime());
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** A refused certificate says so; jsmpp's own messages are kept as they are. */
    private static String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof javax.net.ssl.SSLHandshakeException) {
                Throwable root = cause;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return "TLS handshake failed, the SMSC's certificate is refused: " + root.getMessage();
            }
        }
        return e.getMessage();
    }

    private static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}

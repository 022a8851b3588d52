package org.emailsms.gateway.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A carrier's SMSC for the tests, over real SMPP on a TCP port: accepts binds, records every
 * submit_sm and acknowledges it, or refuses the next few (or all) with a chosen command status.
 */
public final class TestSmsc implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private SMPPServerSessionListener listener;
    private int port;
    private final ExecutorService acceptor = Executors.newCachedThreadPool();
    private final List<SubmitSm> submits = new CopyOnWriteArrayList<>();
    private final Map<SubmitSm, String> bindOfSubmit = new ConcurrentHashMap<>();
    private final Map<SubmitSm, SMPPServerSession> sessionOfSubmit = new ConcurrentHashMap<>();
    private final Map<SubmitSm, String> idOfSubmit = new ConcurrentHashMap<>();
    private final Map<SMPPServerSession, String> systemIds = new ConcurrentHashMap<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final Queue<Integer> plan = new ConcurrentLinkedQueue<>();
    private final Queue<String> plannedIds = new ConcurrentLinkedQueue<>();
    /** Ids start where hexadecimal has letters, so that a decimal quote of one looks nothing like it. */
    private final AtomicLong ids = new AtomicLong(0xA0000);
    /**
     * Receipts and replies go as a carrier sends them, up to 10 deliver_sm in flight on a bind (its
     * window), each thread waiting for its deliver_sm_resp.
     */
    private final java.util.concurrent.ScheduledExecutorService answering =
            Executors.newScheduledThreadPool(10);
    private final AtomicLong acknowledged = new AtomicLong();
    private final Map<String, AtomicInteger> submitsPerDestination = new ConcurrentHashMap<>();
    private volatile long lastAcknowledgedNanos;
    private volatile boolean receiptForEach;
    private volatile double replyShare;
    private volatile int refusal;
    private volatile boolean refuseAll;

    /** How the listening socket is made: plain TCP, or TLS. */
    private ServerConnectionFactory connections = new LoopbackOnly(null);

    /** Listening from now on, until closed. */
    public TestSmsc(int port) throws IOException {
        start(port);
    }

    /** Listening over TLS from now on, presenting the certificate of {@code tls}'s key store. */
    public static TestSmsc overTls(int port, SSLContext tls) throws IOException {
        TestSmsc smsc = new TestSmsc();
        smsc.connections = new LoopbackOnly(tls);
        smsc.start(port);
        return smsc;
    }

    private TestSmsc() {
    }

    /**
     * For {@code @RegisterExtension}: listens on the port the deployed gateway binds to
     * ({@code it.smsc.port}) for the test class, and stops after it.
     */
    public static TestSmsc onTheGatewaysPort() {
        return new TestSmsc();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start(Integer.getInteger("it.smsc.port"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    private void start(int onPort) throws IOException {
        port = onPort;
        listener = new SMPPServerSessionListener(port, connections);
        listener.setMessageReceiverListener(new Receiver());
        acceptor.submit(this::acceptLoop);
    }

    public int port() {
        return listener.getPort();
    }

    public List<SubmitSm> submits() {
        return List.copyOf(submits);
    }

    /** The submits to one destination (digits, no plus sign), in arrival order. */
    public List<SubmitSm> submitsTo(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        return submits.stream().filter(s -> s.getDestAddress().equals(digits)).toList();
    }

    /**
     * For a failure message: each submit to {@code e164} with the bind, the session and the id it
     * was given, and the SMSC's own session history (a duplicate is easier to explain with them).
     */
    public String describeSubmitsTo(String e164) {
        return submitsTo(e164).stream()
                .map(s -> bindOfSubmit.get(s) + " on session " + sessionOfSubmit.get(s).getSessionId()
                        + " got id " + idOfSubmit.get(s) + " (sequence " + s.getSequenceNumber() + ")")
                .toList() + "; sessions " + sessions.stream()
                .map(session -> systemIds.getOrDefault(session, "?") + " " + session.getSessionId() + " "
                        + session.getSessionState())
                .toList();
    }

    /** The system id of the bind each submit to {@code e164} came over, in arrival order. */
    public List<String> bindsUsedFor(String e164) {
        return submitsTo(e164).stream().map(bindOfSubmit::get).toList();
    }

    /** The message id this SMSC gave the submit in its submit_sm_resp. */
    public String idOf(SubmitSm submit) {
        return idOfSubmit.get(submit);
    }

    /**
     * Sends a delivery receipt for {@code submit} over the bind it came on, quoting the id as given
     * (so a test can quote it in another form), with the text format of SMPP 3.4 appendix B.
     * Returns once the gateway has answered with deliver_sm_resp.
     */
    public void sendReceipt(SubmitSm submit, String quotedId, String stat) throws Exception {
        String text = String.format("id:%s sub:001 dlvrd:%s submit date:2611261200 done date:2611261201 stat:%s err:000 text:",
                quotedId, stat.equals("DELIVRD") ? "001" : "000", stat);
        sessionOfSubmit.get(submit).deliverShortMessage("",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, submit.getDestAddress(),
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, submit.getSourceAddr(),
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Like {@link #sendReceipt}, but over the bind with system id {@code systemId}, whichever bind the submit came on. */
    public void sendReceiptVia(String systemId, SubmitSm submit, String quotedId, String stat) throws Exception {
        sendReceiptFor(systemId, "+" + submit.getDestAddress(), "+" + submit.getSourceAddr(), quotedId, stat);
    }

    /**
     * A delivery receipt from {@code handset} for the SMSC id {@code quotedId}, over the bind with
     * system id {@code systemId}, whether or not any such message was submitted (yet).
     */
    public void sendReceiptFor(String systemId, String handset, String poolNumber, String quotedId, String stat)
            throws Exception {
        String text = String.format("id:%s sub:001 dlvrd:%s submit date:2611261200 done date:2611261201 stat:%s err:000 text:",
                quotedId, stat.equals("DELIVRD") ? "001" : "000", stat);
        sessionOf(systemId).deliverShortMessage("",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits(handset),
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits(poolNumber),
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A mobile-originated message (a reply) from {@code handset} to {@code poolNumber}, over any
     * bound session; {@code userDataHeader} says whether {@code shortMessage} starts with one.
     * Returns once the gateway has answered with deliver_sm_resp.
     */
    public void sendMo(String handset, String poolNumber, byte[] shortMessage, byte dataCoding,
                       boolean userDataHeader, OptionalParameter... tlvs) throws Exception {
        sendMoVia(null, handset, poolNumber, shortMessage, dataCoding, userDataHeader, tlvs);
    }

    /** A handset's message over the bind with system id {@code systemId} (any bound one if null). */
    public void sendMoVia(String systemId, String handset, String poolNumber, byte[] shortMessage, byte dataCoding,
                          boolean userDataHeader, OptionalParameter... tlvs) throws Exception {
        sessionOf(systemId).deliverShortMessage("",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits(handset),
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, digits(poolNumber),
                new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
                        userDataHeader ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT),
                (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), shortMessage, tlvs);
    }

    /** How many sessions are bound here now. */
    public long boundCount() {
        return boundSessions().count();
    }

    /** Waits until the gateway holds {@code count} binds here: it binds on its own, without traffic. */
    public void awaitBinds(int count, Duration timeout) throws InterruptedException {
        Poll.until(count + " bound sessions", timeout, () -> boundSessions().count() >= count);
    }

    /**
     * Like a busy carrier: every acknowledged submit gets a DELIVRD receipt a moment later, and the
     * given share of them a reply from the handset too.
     */
    public void answerEverySubmit(double replies) {
        replyShare = replies;
        receiptForEach = true;
    }

    /** How many submits to {@code e164} this SMSC acknowledged (cheap, for large runs). */
    public int submitCount(String e164) {
        AtomicInteger count = submitsPerDestination.get(e164.startsWith("+") ? e164.substring(1) : e164);
        return count == null ? 0 : count.get();
    }

    /** Submits acknowledged so far, and when the last one was. */
    public long acknowledgedCount() {
        return acknowledged.get();
    }

    public long lastAcknowledgedNanos() {
        return lastAcknowledgedNanos;
    }

    /** The ids to give the next submits, in order, instead of counting on. */
    public void planIds(String... next) {
        plannedIds.addAll(List.of(next));
    }

    private void answer(SubmitSm submit, String id) {
        deliver(id + " receipt", () -> sendReceipt(submit, id, "DELIVRD"), 1);
        if (ThreadLocalRandom.current().nextDouble() < replyShare) {
            deliver(id + " reply", () -> sendMo("+" + submit.getDestAddress(), "+" + submit.getSourceAddr(),
                    "Thanks".getBytes(StandardCharsets.US_ASCII), (byte) 0, false), 1);
        }
    }

    @FunctionalInterface
    private interface Delivery {
        void send() throws Exception;
    }

    /** As an SMSC does: a deliver_sm the gateway did not answer goes again a second later, up to 5 times. */
    private void deliver(String what, Delivery delivery, int attempt) {
        try {
            delivery.send();
        } catch (Exception e) {
            if (attempt < 5) {
                answering.schedule(() -> deliver(what, delivery, attempt + 1), 1, TimeUnit.SECONDS);
            } else {
                System.err.println("test SMSC gave up delivering " + what + ": " + e);
            }
        }
    }

    private java.util.stream.Stream<SMPPServerSession> boundSessions() {
        return sessions.stream().filter(s -> s.getSessionState().isBound() && systemIds.containsKey(s));
    }

    private SMPPServerSession sessionOf(String systemId) {
        return boundSessions().filter(s -> systemId == null || systemId.equals(systemIds.get(s)))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no bound session" + (systemId == null ? "" : " of " + systemId)));
    }

    private static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }

    /** The outcomes of the next submits, in order: 0 accepts, anything else refuses with that status. */
    public void planNext(List<Integer> outcomes) {
        plan.addAll(outcomes);
    }

    public void refuseNext(int count, int commandStatus) {
        refusal = commandStatus;
        refuseNext.set(count);
    }

    /** Refusals planned by {@link #refuseNext} not yet given. */
    public int refusalsLeft() {
        return refuseNext.get();
    }

    public void refuseAll(int commandStatus) {
        refusal = commandStatus;
        refuseAll = true;
    }

    public void acceptAll() {
        refuseAll = false;
        refuseNext.set(0);
    }

    public void awaitSubmitsTo(String e164, int count, Duration timeout) throws InterruptedException {
        Poll.until(count + " submit_sm to " + e164, timeout, () -> submitsTo(e164).size() >= count);
    }

    /** The SMSC goes away: binds dropped, the port closed; {@link #resume} brings it back with its history. */
    public void stop() throws IOException {
        sessions.forEach(SMPPServerSession::unbindAndClose);
        listener.close();
    }

    public void resume() throws IOException {
        start(port);
    }

    @Override
    public void close() throws IOException {
        stop();
        acceptor.shutdownNow();
        answering.shutdownNow();
    }

    private void acceptLoop() {
        while (!acceptor.isShutdown()) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                acceptor.submit(() -> bind(session));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(TimeUnit.SECONDS.toMillis(10));
            systemIds.put(session, request.getSystemId());
            request.accept("test-smsc");
        } catch (Exception e) {
            session.unbindAndClose();
        }
    }

    /** Test servers listen on the loopback interface only. */
    private static final class LoopbackOnly implements ServerConnectionFactory {

        /** Null for plain TCP. */
        private final SSLContext tls;

        LoopbackOnly(SSLContext tls) {
            this.tls = tls;
        }

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = tls == null ? new ServerSocket(port, backlog, InetAddress.getLoopbackAddress())
                    : tls.getServerSocketFactory().createServerSocket(port, backlog, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            Integer planned = plan.poll();
            if (planned != null && planned != 0) {
                throw new ProcessRequestException("refused by plan", planned);
            }
            if (planned == null && (refuseAll || refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0)) {
                throw new ProcessRequestException("refused by the test SMSC", refusal);
            }
            bindOfSubmit.put(submit, systemIds.getOrDefault(source, "?"));
            sessionOfSubmit.put(submit, source);
            String plannedId = plannedIds.poll();
            String id = plannedId != null ? plannedId : Long.toHexString(ids.incrementAndGet());
            idOfSubmit.put(submit, id);
            submits.add(submit);
            acknowledged.incrementAndGet();
            submitsPerDestination.computeIfAbsent(submit.getDestAddress(), d -> new AtomicInteger()).incrementAndGet();
            lastAcknowledgedNanos = System.nanoTime();
            if (receiptForEach) {
                // After the submit_sm_resp has gone out, as a carrier's network reports later.
                answering.schedule(() -> answer(submit, id), 50, TimeUnit.MILLISECONDS);
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}

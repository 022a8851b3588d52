package org.emailsms.gateway.it.bench;

import static org.emailsms.gateway.it.bench.Rig.setting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

import org.emailsms.gateway.it.client.message.RecipientResult;
import org.emailsms.gateway.it.support.Metrics;
import org.emailsms.gateway.it.support.Poll;
import org.junit.jupiter.api.Test;

/**
 * How fast the gateway is on its embedded defaults (H2, embedded broker, persistence on): the SOAP
 * accept rate and latency, the end-to-end rate to acknowledged submit_sm, receipts and replies
 * processed per second, CPU time, peak memory and start-up time, and latency at a constant 50% and
 * 90% of the maximum rate (the median of the rounds), and the rate of a status query that writes
 * nothing (what any SOAP call can reach on the machine). Settings: -Dbench.clients, -Dbench.messages
 * (per round), -Dbench.rounds, -Dbench.warmup, -Dbench.replyPercent, -Dbench.constantSeconds,
 * -Dbench.window, -Dbench.recipients (per sendMessage, 1), -Dbench.raw (1: prebuilt requests over
 * keep-alive HTTP, as ab or wrk send them; 0: Metro's SOAP client), -Dbench.receipts (1: the SMSC
 * sends a receipt for every submit; 0: none, as in a comparison with other gateways).
 */
class GatewayBenchmark {

    @Test
    void measure() throws Exception {
        int clients = setting("clients", 16);
        int messages = setting("messages", 20_000);
        // Long: for minutes after start the JIT compiles Payara, Metro, EclipseLink and H2 and takes
        // a third of the CPU (JFR); a short warm-up measures the compiler, not the gateway.
        int warmup = setting("warmup", 30_000);
        int replyPercent = setting("replyPercent", 10);
        int constantSeconds = setting("constantSeconds", 20);
        int rounds = setting("rounds", 3);
        int recipients = setting("recipients", 1);
        boolean raw = setting("raw", 1) == 1;
        boolean receipts = setting("receipts", 1) == 1;
        try (Rig rig = Rig.start("benchmark", Map.of(
                "GATEWAY_SMSC_WINDOW", Integer.toString(setting("window", 100)),
                "JAVA_OPTS", System.getProperty("bench.gateway.java.opts", "")))) {
            if (receipts) {
                rig.smsc.answerEverySubmit(replyPercent / 100.0);
            }
            List<String> serials = rig.senders(clients);
            SoapLoad load = new SoapLoad(rig.client, serials, 12_000_000L, raw, recipients);
            rig.line("clients %d (%s), %d recipients a request, messages %d after %d to warm up, %s", clients,
                    raw ? "raw HTTP, keep-alive" : "Metro SOAP client", recipients, messages, warmup,
                    receipts ? "a receipt for each, " + replyPercent + "% answered with a reply" : "no receipts");

            load.run(warmup, 0);
            long acknowledged = warmup;
            awaitAcknowledged(rig, acknowledged);
            // Several rounds on the same warm gateway: one run differs from the next by up to a
            // quarter on this kind of machine, so a single figure proves little; the median is used.
            List<Round> done = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                rig.line("round %d of %d", round, rounds);
                Round measured = flatOut(rig, load, messages, acknowledged, receipts);
                acknowledged += measured.accepted();
                done.add(measured);
            }
            Round median = Round.median(done);
            if (rounds > 1) {
                rig.line("median of %d rounds: accept %.0f/s, end to end %.0f/s, receipts %.0f/s, "
                        + "sendMessage p99 flat out %.1f ms, gateway CPU %.1f ms per message", rounds,
                        median.acceptRate(), median.endToEnd(), median.receiptRate(), median.p99Millis(),
                        median.cpuMillisPerMessage());
            }

            for (int percent : new int[] {50, 90}) {
                double rate = median.acceptRate() * percent / 100.0;
                int count = (int) (rate * constantSeconds);
                SoapLoad.Outcome constant = load.run(count, rate);
                rig.line("constant %d%% of the maximum (%.0f/s for %d s): achieved %.0f/s, %s", percent, rate,
                        constantSeconds, constant.acceptRate(), constant.latencies().summary());
            }
            // The ceiling of the SOAP path itself on this machine: a call that writes nothing,
            // measured once the constant-rate runs' deliveries and receipts are done.
            long sent = load.acceptedSoFar();
            awaitAcknowledged(rig, sent);
            if (receipts) {
                awaitReceipts(rig, sent);
            }
            Duration cpuBeforeReads = rig.process().cpuTime();
            SoapLoad.Outcome reads = load.statusQueries(messages);
            double readCpuMillis = rig.process().cpuTime().minus(cpuBeforeReads).toNanos() / 1e6 / messages;
            rig.line("getStatus flat out (reads only, no commit): %.0f calls/s, %d failed, gateway CPU %.2f ms per call, %s",
                    reads.acceptRate(), reads.failed(), readCpuMillis, reads.latencies().summary());
            interactiveBehindBulk(rig, serials, setting("bulk", 20_000));
            rig.line("peak RSS: %d MiB; CPU time since start: %.1f s", rig.process().peakRssMiB(),
                    rig.process().cpuTime().toMillis() / 1000.0);
        }
    }

    /** The figures of one flat-out round. */
    private record Round(int accepted, double acceptRate, double endToEnd, double receiptRate, double p99Millis,
                         double cpuMillisPerMessage) {

        /** Each figure's median on its own (the rounds need not agree on which was best). */
        static Round median(List<Round> rounds) {
            return new Round(0, middle(rounds, Round::acceptRate), middle(rounds, Round::endToEnd),
                    middle(rounds, Round::receiptRate), middle(rounds, Round::p99Millis),
                    middle(rounds, Round::cpuMillisPerMessage));
        }

        private static double middle(List<Round> rounds, ToDoubleFunction<Round> figure) {
            double[] sorted = rounds.stream().mapToDouble(figure).sorted().toArray();
            return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
    }

    private static Round flatOut(Rig rig, SoapLoad load, int messages, long acknowledgedBefore, boolean receipts)
            throws Exception {
        long receiptsBefore = Metrics.gauge(rig.client, "gateway_inbound_receipts");
        long repliesBefore = Metrics.gauge(rig.client, "gateway_inbound_replies");
        long earlyBefore = Metrics.gauge(rig.client, "gateway_inbound_receipts_early");
        Duration cpuBefore = rig.process().cpuTime();

        long start = System.nanoTime();
        SoapLoad.Outcome flatOut = load.run(messages, 0);
        int accepted = flatOut.accepted().size();
        awaitAcknowledged(rig, acknowledgedBefore + accepted);
        double endToEnd = accepted / ((rig.smsc.lastAcknowledgedNanos() - start) / 1e9);
        rig.line("SOAP accept rate: %.0f messages/s (%d accepted, %d refused or failed, %.1f s)",
                flatOut.acceptRate(), accepted, flatOut.failed(), flatOut.seconds());
        rig.line("sendMessage latency flat out: %s", flatOut.latencies().summary());
        rig.line("end to end, accepted -> submit_sm acknowledged: %.0f messages/s", endToEnd);

        double receiptRate = 0;
        if (receipts) {
            awaitReceipts(rig, receiptsBefore + accepted);
            double inboundSeconds = (System.nanoTime() - start) / 1e9;
            long replies = Metrics.gauge(rig.client, "gateway_inbound_replies") - repliesBefore;
            receiptRate = accepted / inboundSeconds;
            rig.line("receipts processed: %.0f/s; replies processed: %.0f/s (%d replies), over the same %.1f s",
                    receiptRate, replies / inboundSeconds, replies, inboundSeconds);
            // Each is processed twice: a share that varies from run to run with the timing.
            rig.line("receipts ahead of their acknowledgement (tried again later): %d",
                    Metrics.gauge(rig.client, "gateway_inbound_receipts_early") - earlyBefore);
        }
        double cpuSeconds = rig.process().cpuTime().minus(cpuBefore).toMillis() / 1000.0;
        rig.line("gateway CPU time for that run: %.1f s (%.1f ms per message); peak RSS so far: %d MiB",
                cpuSeconds, 1000 * cpuSeconds / accepted, rig.process().peakRssMiB());
        return new Round(accepted, flatOut.acceptRate(), endToEnd, receiptRate,
                flatOut.latencies().percentile(99), 1000 * cpuSeconds / accepted);
    }

    /**
     * A person's text while a campaign is queued: {@code bulk} messages accepted in requests of
     * 1,000 recipients, then one to a single recipient; how long until the SMSC acknowledged it, and
     * how many messages were still waiting when it was sent.
     */
    private static void interactiveBehindBulk(Rig rig, List<String> serials, int bulk) throws Exception {
        int requests = Math.max(1, bulk / 1_000);
        ExecutorService senders = Executors.newFixedThreadPool(Math.min(requests, serials.size()));
        List<Future<List<RecipientResult>>> sent = new ArrayList<>();
        long acknowledgedBefore = rig.smsc.acknowledgedCount();
        for (int r = 0; r < requests; r++) {
            String serial = serials.get(r % serials.size());
            List<String> recipients = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                recipients.add("+61413" + (100_000 + r * 1_000 + i));
            }
            sent.add(senders.submit(() -> rig.client.newMessagingPort().sendMessage(serial, recipients, "Campaign", null)));
        }
        long accepted = 0;
        for (Future<List<RecipientResult>> request : sent) {
            accepted += request.get().stream().filter(result -> result.getMessageId() != null).count();
        }
        senders.shutdown();
        long waiting = Metrics.gauge(rig.client, "gateway_messages_waiting");
        String single = "+61499" + (100_000 + (int) (Math.random() * 899_999));
        long start = System.nanoTime();
        rig.client.newMessagingPort().sendMessage(serials.get(0), List.of(single), "Are you coming?", null);
        Poll.until("the single message at the SMSC", Duration.ofMinutes(5), () -> rig.smsc.submitCount(single) > 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        long bulkDone = rig.smsc.acknowledgedCount() - acknowledgedBefore - 1;
        rig.line("interactive behind bulk: %d bulk messages accepted, %d still waiting when a single message was "
                + "sent; it reached the SMSC after %.2f s, when %d of the bulk had", accepted, waiting, seconds,
                bulkDone);
        awaitAcknowledged(rig, acknowledgedBefore + accepted + 1);
    }

    /** Until the gateway has processed {@code count} receipts since it started. */
    private static void awaitReceipts(Rig rig, long count) throws InterruptedException {
        Poll.until(count + " receipts processed", Duration.ofMinutes(10),
                () -> Metrics.gauge(rig.client, "gateway_inbound_receipts") >= count);
    }

    private static void awaitAcknowledged(Rig rig, long count) throws InterruptedException {
        Poll.until(count + " submits acknowledged by the SMSC", Duration.ofMinutes(10),
                () -> rig.smsc.acknowledgedCount() >= count);
    }
}

package org.emailsms.gateway.it.bench;

import static org.emailsms.gateway.it.bench.Rig.setting;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.emailsms.gateway.it.support.Metrics;
import org.emailsms.gateway.it.support.Poll;
import org.junit.jupiter.api.Test;

/**
 * How fast the gateway is on its embedded defaults (H2, embedded broker, persistence on): the SOAP
 * accept rate and latency, the end-to-end rate to acknowledged submit_sm, receipts and replies
 * processed per second, CPU time, peak memory and start-up time, and latency at a constant 50% and
 * 90% of the maximum rate. Settings: -Dbench.clients, -Dbench.messages, -Dbench.warmup,
 * -Dbench.replyPercent, -Dbench.constantSeconds, -Dbench.window.
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
        try (Rig rig = Rig.start("benchmark", Map.of(
                "GATEWAY_SMSC_WINDOW", Integer.toString(setting("window", 100)),
                "JAVA_OPTS", System.getProperty("bench.gateway.java.opts", "-Xmx2g")))) {
            rig.smsc.answerEverySubmit(replyPercent / 100.0);
            List<String> serials = rig.senders(clients);
            SoapLoad load = new SoapLoad(rig.client, serials, 12_000_000L);
            rig.line("clients %d, messages %d after %d to warm up, %d%% answered with a reply", clients, messages,
                    warmup, replyPercent);

            load.run(warmup, 0);
            awaitAcknowledged(rig, warmup);
            long receiptsBefore = Metrics.gauge(rig.client, "gateway_inbound_receipts");
            long repliesBefore = Metrics.gauge(rig.client, "gateway_inbound_replies");
            long earlyBefore = Metrics.gauge(rig.client, "gateway_inbound_receipts_early");
            Duration cpuBefore = rig.process().cpuTime();

            long start = System.nanoTime();
            SoapLoad.Outcome flatOut = load.run(messages, 0);
            awaitAcknowledged(rig, warmup + flatOut.accepted().size());
            double endToEnd = flatOut.accepted().size() / ((rig.smsc.lastAcknowledgedNanos() - start) / 1e9);
            rig.line("SOAP accept rate: %.0f messages/s (%d accepted, %d refused or failed, %.1f s)",
                    flatOut.acceptRate(), flatOut.accepted().size(), flatOut.failed(), flatOut.seconds());
            rig.line("sendMessage latency flat out: %s", flatOut.latencies().summary());
            rig.line("end to end, accepted -> submit_sm acknowledged: %.0f messages/s", endToEnd);

            long receiptsWanted = receiptsBefore + flatOut.accepted().size();
            Poll.until("every receipt processed", Duration.ofMinutes(10),
                    () -> Metrics.gauge(rig.client, "gateway_inbound_receipts") >= receiptsWanted);
            double inboundSeconds = (System.nanoTime() - start) / 1e9;
            long replies = Metrics.gauge(rig.client, "gateway_inbound_replies") - repliesBefore;
            rig.line("receipts processed: %.0f/s; replies processed: %.0f/s (%d replies), over the same %.1f s",
                    flatOut.accepted().size() / inboundSeconds, replies / inboundSeconds, replies, inboundSeconds);
            // Each is processed twice: a share that varies from run to run with the timing.
            rig.line("receipts ahead of their acknowledgement (tried again later): %d",
                    Metrics.gauge(rig.client, "gateway_inbound_receipts_early") - earlyBefore);
            rig.line("gateway CPU time for that run: %.1f s; peak RSS so far: %d MiB",
                    (rig.process().cpuTime().minus(cpuBefore)).toMillis() / 1000.0, rig.process().peakRssMiB());

            for (int percent : new int[] {50, 90}) {
                double rate = flatOut.acceptRate() * percent / 100.0;
                int count = (int) (rate * constantSeconds);
                SoapLoad.Outcome constant = load.run(count, rate);
                rig.line("constant %d%% of the maximum (%.0f/s for %d s): achieved %.0f/s, %s", percent, rate,
                        constantSeconds, constant.acceptRate(), constant.latencies().summary());
            }
            rig.line("peak RSS: %d MiB; CPU time since start: %.1f s", rig.process().peakRssMiB(),
                    rig.process().cpuTime().toMillis() / 1000.0);
        }
    }

    private static void awaitAcknowledged(Rig rig, long count) throws InterruptedException {
        Poll.until(count + " submits acknowledged by the SMSC", Duration.ofMinutes(10),
                () -> rig.smsc.acknowledgedCount() >= count);
    }
}

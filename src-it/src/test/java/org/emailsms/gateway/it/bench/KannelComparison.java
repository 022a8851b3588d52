package org.emailsms.gateway.it.bench;

import static org.emailsms.gateway.it.bench.Rig.setting;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.TestSmsc;
import org.emailsms.gateway.it.support.WorkDirectory;
import org.junit.jupiter.api.Test;

/**
 * Kannel and this gateway one after the other in one sitting, against the same test SMSC on the
 * same port and under the same load: {@code ab}, 50 connections, a new connection for each
 * request, no receipts asked; 20,000 messages a recipient a request after 10,000 to warm up, then
 * 3,000 requests of ten recipients. A message counts when the SMSC has acknowledged it. Prints a
 * table with the ratios (the gateway's figure over Kannel's). Needs Debian's {@code kannel} and
 * {@code apache2-utils}: {@code .ci/setup-benchmark} installs them. Settings: -Dbench.clients (ab's
 * connections), -Dbench.warmup, -Dbench.messages, -Dbench.requests10, -Dbench.window (submits in
 * flight, for both).
 */
class KannelComparison {

    /** One gateway's figures for one load. */
    private record Figures(double endToEnd, double p99Millis, int refused) {

        String cell() {
            return String.format("%,.0f msg/s, p99 %.0f ms%s", endToEnd, p99Millis,
                    refused == 0 ? "" : ", " + refused + " requests refused or failed");
        }
    }

    @Test
    void compare() throws Exception {
        assertTrue(Kannel.installed() && ApacheBench.installed(),
                "Kannel and ab are not installed: run .ci/setup-benchmark as root first");
        int connections = setting("clients", 50);
        int warmup = setting("warmup", 10_000);
        int messages = setting("messages", 20_000);
        int requestsOfTen = setting("requests10", 3_000);
        int window = setting("window", 100);
        Path work = Path.of(System.getProperty("it.work"), "bench", "kannel");
        WorkDirectory.fresh(work);
        ApacheBench ab = new ApacheBench(work, connections);
        List<String> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ten.add("+614000001" + (10 + i));
        }

        Figures kannelOne;
        Figures kannelTen;
        long kannelRss;
        try (TestSmsc smsc = new TestSmsc(Rig.SMSC_PORT); Kannel kannel = new Kannel(work, Rig.SMSC_PORT, window)) {
            String one = Kannel.sendsmsUrl("61400000001", "Benchmark message");
            String many = Kannel.sendsmsUrl(String.join(" ", ten).replace("+", ""), "Benchmark message");
            measure(smsc, 1, () -> ab.get(warmup, one));
            kannelOne = measure(smsc, 1, () -> ab.get(messages, one));
            kannelTen = measure(smsc, 10, () -> ab.get(requestsOfTen, many));
            kannelRss = kannel.peakRssMiB();
        }

        try (Rig rig = Rig.start("kannel-comparison", Map.of(
                "GATEWAY_SMSC_WINDOW", Integer.toString(window),
                "JAVA_OPTS", System.getProperty("bench.gateway.java.opts", "")))) {
            String serial = rig.senders(1).get(0);
            String url = rig.client.http("/ws/message").toString();
            String one = SoapLoad.sendMessageBody(serial, List.of("+61400000001"), 0);
            String many = SoapLoad.sendMessageBody(serial, ten, 0);
            measure(rig.smsc, 1, () -> ab.postSoap(warmup, url, one));
            Duration cpuBefore = rig.process().cpuTime();
            Figures gatewayOne = measure(rig.smsc, 1, () -> ab.postSoap(messages, url, one));
            double cpuMillis = rig.process().cpuTime().minus(cpuBefore).toNanos() / 1e6 / messages;
            Figures gatewayTen = measure(rig.smsc, 10, () -> ab.postSoap(requestsOfTen, url, many));

            rig.line("Kannel %s and the gateway, one after the other on this machine: ab, %d connections, a new "
                    + "connection each request, no receipts, %d submits in flight", Kannel.version(), connections, window);
            rig.line("");
            String database = System.getProperty("bench.env", "").contains("postgresql") ? "PostgreSQL" : "H2";
            rig.line("| | Kannel | this gateway (Micro, %s, encryption on) | ratio |", database);
            rig.line("| --- | --- | --- | --- |");
            rig.line("| 1 recipient a request (%,d after %,d warm-up) | %s | %s | %.2f |", messages, warmup,
                    kannelOne.cell(), gatewayOne.cell(), gatewayOne.endToEnd() / kannelOne.endToEnd());
            rig.line("| 10 recipients a request (%,d requests) | %s | %s | %.2f |", requestsOfTen,
                    kannelTen.cell(), gatewayTen.cell(), gatewayTen.endToEnd() / kannelTen.endToEnd());
            rig.line("| peak RSS | %d MiB (both boxes) | %d MiB | |", kannelRss, rig.process().peakRssMiB());
            rig.line("");
            rig.line("gateway CPU %.1f ms a message at one recipient; start-up %.1f s", cpuMillis,
                    rig.startup.toMillis() / 1000.0);
        }
    }

    @FunctionalInterface
    private interface Load {
        ApacheBench.Run run() throws Exception;
    }

    /** Runs {@code load} and waits until the SMSC has acknowledged every message it got accepted. */
    private static Figures measure(TestSmsc smsc, int recipients, Load load) throws Exception {
        long before = smsc.acknowledgedCount();
        long start = System.nanoTime();
        ApacheBench.Run run = load.run();
        int refused = run.non2xx() + run.failed();
        long accepted = (long) (run.requests() - refused) * recipients;
        Poll.until(accepted + " submits acknowledged by the SMSC", Duration.ofMinutes(10),
                () -> smsc.acknowledgedCount() >= before + accepted);
        double seconds = (smsc.lastAcknowledgedNanos() - start) / 1e9;
        return new Figures(accepted / seconds, run.p99Millis(), refused);
    }
}

package org.emailsms.gateway.it.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.emailsms.gateway.it.support.Poll;

/**
 * Debian's Kannel (bearerbox and smsbox, package {@code kannel}) started as processes on a
 * configuration of our own: one SMPP transceiver bind to the test SMSC, its file store, a
 * sendsms user; loopback only. What operators compare an SMS gateway with.
 */
final class Kannel implements AutoCloseable {

    static final int ADMIN_PORT = 13100;
    static final int BOX_PORT = 13101;
    static final int SENDSMS_PORT = 13113;
    static final String USER = "bench";
    static final String PASSWORD = "bench-secret";

    private final List<Process> boxes = new ArrayList<>();

    /** Starts both boxes and returns once Kannel's SMPP bind is online. */
    Kannel(Path work, int smscPort, int window) throws Exception {
        Files.createDirectories(work);
        Path config = work.resolve("kannel.conf");
        Files.writeString(config, String.join("\n",
                "group = core",
                "admin-port = " + ADMIN_PORT,
                "admin-password = " + PASSWORD,
                "admin-allow-ip = 127.0.0.1",
                "smsbox-port = " + BOX_PORT,
                "box-allow-ip = 127.0.0.1",
                "log-file = \"" + work.resolve("bearerbox.log") + "\"",
                "log-level = 2",
                "store-type = file",
                "store-location = \"" + work.resolve("kannel.store") + "\"",
                "",
                "group = smsc",
                "smsc = smpp",
                "smsc-id = bench",
                "host = 127.0.0.1",
                "port = " + smscPort,
                "transceiver-mode = true",
                "smsc-username = kannel",
                "smsc-password = kannel",
                "system-type = \"\"",
                "source-addr-ton = 1",
                "source-addr-npi = 1",
                "dest-addr-ton = 1",
                "dest-addr-npi = 1",
                // The same number of submits in flight as the gateway is given.
                "max-pending-submits = " + window,
                "",
                "group = smsbox",
                "bearerbox-host = 127.0.0.1",
                "bearerbox-port = " + BOX_PORT,
                "sendsms-port = " + SENDSMS_PORT,
                "sendsms-interface = 127.0.0.1",
                "log-file = \"" + work.resolve("smsbox.log") + "\"",
                "log-level = 2",
                "",
                "group = sendsms-user",
                "username = " + USER,
                "password = " + PASSWORD,
                "",
                "group = sms-service",
                "keyword = default",
                "text = \"No service\"",
                ""));
        try {
            startBoxes(work, config);
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    private void startBoxes(Path work, Path config) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI status = URI.create("http://127.0.0.1:" + ADMIN_PORT + "/status.txt?password=" + PASSWORD);
        boxes.add(start(work, "/usr/sbin/bearerbox", config));
        // smsbox gives up at once when bearerbox is not listening yet: it starts once the admin port answers.
        Poll.until("Kannel's bearerbox", Duration.ofSeconds(60), () -> answers(http, status) != null);
        boxes.add(start(work, "/usr/sbin/smsbox", config));
        Poll.until("Kannel's SMPP bind online", Duration.ofSeconds(60), () -> {
            String body = answers(http, status);
            return body != null && body.contains("bench") && body.contains("(online");
        });
        URI sendsms = URI.create(sendsmsUrl("61400000000", "ready"));
        Poll.until("Kannel's sendsms interface", Duration.ofSeconds(60), () -> {
            alive();
            try {
                return http.send(HttpRequest.newBuilder(sendsms).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 202;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** The admin page's text, or null while nothing answers; fails if a box has exited. */
    private String answers(HttpClient http, URI status) throws InterruptedException {
        alive();
        try {
            return http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException notYet) {
            return null;
        }
    }

    /** The GET that submits {@code text} to each of {@code recipients} (digits, space-separated). */
    static String sendsmsUrl(String recipients, String text) {
        return "http://127.0.0.1:" + SENDSMS_PORT + "/cgi-bin/sendsms?username=" + USER + "&password=" + PASSWORD
                + "&from=61400000000&to=" + recipients.replace(' ', '+') + "&text=" + text.replace(' ', '+');
    }

    /** The installed package's version, as dpkg gives it. */
    static String version() throws IOException, InterruptedException {
        Process dpkg = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "kannel").start();
        String version = new String(dpkg.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        dpkg.waitFor();
        return version.isBlank() ? "(version unknown)" : version.strip();
    }

    /** The peak resident memory of both boxes together, in MiB. */
    long peakRssMiB() throws IOException {
        long total = 0;
        for (Process box : boxes) {
            total += new GatewayProcess(box.toHandle()).peakRssMiB();
        }
        return total;
    }

    /** Is Kannel installed where Debian puts it? */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/bearerbox")) && Files.isExecutable(Path.of("/usr/sbin/smsbox"));
    }

    private void alive() {
        for (Process box : boxes) {
            if (!box.isAlive()) {
                throw new IllegalStateException(box.info().command().orElse("a Kannel box")
                        + " exited with " + box.exitValue() + "; see its log beside kannel.conf");
            }
        }
    }

    private static Process start(Path work, String box, Path config) throws IOException {
        Path output = work.resolve(Path.of(box).getFileName() + ".out");
        return new ProcessBuilder(box, "-v", "2", config.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    @Override
    public void close() throws InterruptedException {
        // smsbox first: it hands what it holds back to bearerbox, which writes its store on the way down.
        for (int i = boxes.size() - 1; i >= 0; i--) {
            Process box = boxes.get(i);
            box.destroy();
            if (!box.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                box.destroyForcibly().waitFor();
            }
        }
    }
}

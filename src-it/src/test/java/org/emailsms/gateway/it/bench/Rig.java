package org.emailsms.gateway.it.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Distribution;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestSmsc;
import org.emailsms.gateway.it.support.WorkDirectory;

/**
 * The set-up every benchmark and drill shares: a fresh data directory, the test SMSC and GreenMail
 * in this JVM, the distribution started as a process against them, and a report that goes to the
 * console and to {@code target/benchmark/<name>-<time>.txt}.
 */
final class Rig implements AutoCloseable {

    static final int HTTP_PORT = 30080;
    static final int SMSC_PORT = 12790;
    static final ServerSetup SMTP = new ServerSetup(3035, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    final TestSmsc smsc;
    final Distribution gateway;
    final GatewayClient client;
    final Duration startup;
    private GreenMail mail;
    private final PrintStream report;
    private final Path reportFile;

    private Rig(String name, Map<String, String> environment) throws Exception {
        Path work = Path.of(System.getProperty("it.work"), "bench", name);
        WorkDirectory.fresh(work);
        Path reports = Path.of(System.getProperty("bench.reports", "target/benchmark"));
        Files.createDirectories(reports);
        reportFile = reports.resolve(name + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now()) + ".txt");
        report = new PrintStream(Files.newOutputStream(reportFile), true, StandardCharsets.UTF_8);
        mail = new GreenMail(SMTP);
        mail.start();
        smsc = new TestSmsc(SMSC_PORT);
        Map<String, String> env = new HashMap<>(Map.of(
                "GATEWAY_SMSC_HOST", "127.0.0.1",
                "GATEWAY_SMSC_PORT", Integer.toString(SMSC_PORT),
                "GATEWAY_SMSC_BIND_CHECK_INTERVAL", "PT1S",
                "GATEWAY_SMSC_REBIND_MAX_WAIT", "PT2S",
                "GATEWAY_MAIL_HOST", "127.0.0.1",
                "GATEWAY_MAIL_PORT", Integer.toString(SMTP.getPort()),
                "GATEWAY_MAIL_SWEEP_INTERVAL", "PT1S",
                "GATEWAY_MAIL_RETRY_INTERVAL", "PT1S"));
        // The load tool posts plain HTTP, as the Kannel it is compared with takes it: the documented switch
        // for add-ins that cannot use HTTPS.
        env.put("GATEWAY_MESSAGE_REQUIRE_HTTPS", "false");
        env.putAll(environment);
        // -Dbench.env=KEY=value;KEY=value overrides the gateway's environment, e.g. to measure it on PostgreSQL.
        for (String pair : System.getProperty("bench.env", "").split(";")) {
            if (pair.contains("=")) {
                env.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
            }
        }
        gateway = new Distribution(work, HTTP_PORT, HTTP_PORT + 1, env);
        Instant starting = Instant.now();
        gateway.start("gateway");
        startup = Duration.between(starting, Instant.now());
        client = gateway.client();
        line("%s on %d cores, %s; Java %s; gateway %s on Payara Micro %s", name,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("java.version"), System.getProperty("bench.gateway.version", "?"),
                System.getProperty("bench.payara.version", "?"));
        line("gateway start-up (process start to ready): %.1f s", startup.toMillis() / 1000.0);
        if (!System.getProperty("bench.env", "").isBlank()) {
            line("environment overrides: %s", System.getProperty("bench.env"));
        }
    }

    static Rig start(String name, Map<String, String> environment) throws Exception {
        return new Rig(name, environment);
    }

    static int setting(String name, int defaultValue) {
        return Integer.getInteger("bench." + name, defaultValue);
    }

    /** One company with {@code count} activated senders; returns their serials. */
    List<String> senders(int count) throws Exception {
        Tenants tenants = new Tenants(client);
        String company = tenants.newCompany();
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CreatedUser user = tenants.newSender(company);
            serials.add(client.account().activate(user.getUsername(), user.getGeneratedPassword(), null, null));
        }
        return serials;
    }

    GreenMail mail() {
        return mail;
    }

    void stopMail() {
        mail.stop();
    }

    void startMail() {
        mail = new GreenMail(SMTP);
        mail.start();
    }

    GatewayProcess process() {
        return new GatewayProcess(gateway.process());
    }

    /** A line of the report, on the console and in the report file. */
    void line(String format, Object... arguments) {
        String text = String.format(format, arguments);
        System.out.println(text);
        report.println(text);
    }

    @Override
    public void close() throws Exception {
        try {
            gateway.close();
        } finally {
            smsc.close();
            mail.stop();
            report.close();
            System.out.println("Report written to " + reportFile.toAbsolutePath());
        }
    }
}

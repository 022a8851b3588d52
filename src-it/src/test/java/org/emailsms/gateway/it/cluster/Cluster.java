package org.emailsms.gateway.it.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.emailsms.gateway.it.support.Distribution;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Readiness;
import org.emailsms.gateway.it.support.TestSmsc;
import org.emailsms.gateway.it.support.WorkDirectory;

/**
 * Two gateway nodes as an operator runs them: the Payara Micro distribution twice, each with a data
 * directory, node name and SMPP system id of its own, sharing one PostgreSQL database, one external
 * ActiveMQ broker (Debian's {@code activemq}, its own process) and the same content and serial keys,
 * behind HAProxy (Debian's {@code haproxy}) that checks {@code /health/ready}; the test SMSC takes
 * both nodes' binds and GreenMail both nodes' mail. Needs what {@code .ci/setup-machine} installs.
 */
final class Cluster implements AutoCloseable {

    static final String NODE_A = "node-a";
    static final String NODE_B = "node-b";
    static final int LB_HTTP = 31280;
    static final int LB_HTTPS = 31281;
    private static final int SMSC_PORT = 12890;
    private static final int BROKER_PORT = 61677;
    private static final ServerSetup SMTP = new ServerSetup(3045, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static final Map<String, Integer> HTTP_PORTS = Map.of(NODE_A, 31080, NODE_B, 31180);
    private static final String DATABASE = "gateway_cluster";
    /** How long a node's lease on its messages lasts: short, so that the drill sees a dead node's messages taken over. */
    static final Duration CLAIM = Duration.ofSeconds(10);
    /** How long an outcome waits in a node's message log before the database has it (the default). */
    static final Duration WRITE_BEHIND = Duration.ofSeconds(1);
    /** Submits a node's bind has in flight at most (the default). */
    static final int WINDOW = 10;

    final TestSmsc smsc;
    final GreenMail mail;
    /** The gateway as its clients see it: through the load balancer. */
    final GatewayClient client = new GatewayClient(LB_HTTP, LB_HTTPS);
    private final Map<String, Distribution> nodes = new LinkedHashMap<>();
    private final Path work;
    private Process broker;
    private Process balancer;

    private Cluster() throws Exception {
        work = Path.of(System.getProperty("it.work"), "cluster");
        WorkDirectory.fresh(work);
        freshDatabase();
        startBroker();
        smsc = new TestSmsc(SMSC_PORT);
        mail = new GreenMail(SMTP);
        mail.start();
        String contentKey = randomKey();
        String serialKey = randomKey();
        for (String name : List.of(NODE_A, NODE_B)) {
            int http = HTTP_PORTS.get(name);
            nodes.put(name, new Distribution(work.resolve(name), http, http + 1, environment(name, contentKey, serialKey)));
        }
        // One at a time: the first creates the schema and the provider's administrator.
        for (Map.Entry<String, Distribution> node : nodes.entrySet()) {
            node.getValue().start(node.getKey());
        }
        startBalancer();
        Poll.until("the load balancer to see a node ready", Duration.ofSeconds(30), () -> Readiness.isReady(client));
    }

    static Cluster start() throws Exception {
        return new Cluster();
    }

    Distribution node(String name) {
        return nodes.get(name);
    }

    /** The node's own address, past the load balancer. */
    GatewayClient direct(String name) {
        int http = HTTP_PORTS.get(name);
        return new GatewayClient(http, http + 1);
    }

    private Map<String, String> environment(String name, String contentKey, String serialKey) {
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_NODE_NAME", name);
        env.put("GATEWAY_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/" + DATABASE);
        env.put("GATEWAY_DB_DATASOURCE_CLASS", "org.postgresql.ds.PGSimpleDataSource");
        env.put("GATEWAY_DB_USER", "gateway");
        env.put("GATEWAY_DB_PASSWORD", "gateway");
        env.put("GATEWAY_BROKER_URL", "tcp://127.0.0.1:" + BROKER_PORT);
        env.put("GATEWAY_CRYPTO_KEY", contentKey);
        env.put("GATEWAY_SERIAL_KEY", serialKey);
        env.put("GATEWAY_SMSC_HOST", "127.0.0.1");
        env.put("GATEWAY_SMSC_PORT", Integer.toString(SMSC_PORT));
        env.put("GATEWAY_SMSC_SYSTEM_ID", name);
        env.put("GATEWAY_SMSC_BIND_CHECK_INTERVAL", "PT1S");
        env.put("GATEWAY_SMSC_REBIND_MAX_WAIT", "PT2S");
        env.put("GATEWAY_MAIL_HOST", "127.0.0.1");
        env.put("GATEWAY_MAIL_PORT", Integer.toString(SMTP.getPort()));
        env.put("GATEWAY_MAIL_SWEEP_INTERVAL", "PT1S");
        env.put("GATEWAY_MAIL_RETRY_INTERVAL", "PT1S");
        env.put("GATEWAY_RETRY_REQUEUE_AFTER", "PT" + CLAIM.toSeconds() + "S");
        env.put("GATEWAY_RETRY_SWEEP_INTERVAL", "PT1S");
        env.put("GATEWAY_STORE_WRITE_BEHIND", WRITE_BEHIND.toString());
        env.put("GATEWAY_SMSC_WINDOW", Integer.toString(WINDOW));
        env.put("GATEWAY_HTTP_TRUSTED_PROXIES", "127.0.0.1,::1");
        // HAProxy balances plain HTTP request by request here (TLS would end at the balancer in
        // production): the documented switch for sending behind a proxy that terminates TLS.
        env.put("GATEWAY_MESSAGE_REQUIRE_HTTPS", "false");
        env.put("GATEWAY_ACTIVATION_CACHE_TIME", "PT0S");
        return env;
    }

    private static String postgresPort() {
        return System.getProperty("it.postgres.port", "55432");
    }

    private void freshDatabase() throws Exception {
        run(List.of("psql", "-h", "127.0.0.1", "-p", postgresPort(), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q",
                "-c", "DROP DATABASE IF EXISTS " + DATABASE, "-c", "CREATE DATABASE " + DATABASE + " OWNER gateway"));
    }

    /** Debian's broker, started as its package's script starts it, on a configuration and data directory of the test's. */
    private void startBroker() throws Exception {
        Path base = work.resolve("broker");
        Path conf = base.resolve("conf");
        Files.createDirectories(conf);
        Files.createDirectories(base.resolve("data"));
        Files.createDirectories(base.resolve("tmp"));
        Files.writeString(conf.resolve("activemq.xml"), """
                <beans xmlns="http://www.springframework.org/schema/beans"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans-2.0.xsd
                       http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
                    <bean class="org.springframework.beans.factory.config.PropertyPlaceholderConfigurer"/>
                    <broker xmlns="http://activemq.apache.org/schema/core" useJmx="false" brokerName="gateway-cluster"
                            dataDirectory="${activemq.data}">
                        <persistenceAdapter>
                            <kahaDB directory="${activemq.data}/kahadb"/>
                        </persistenceAdapter>
                        <transportConnectors>
                            <transportConnector name="openwire" uri="tcp://127.0.0.1:%d"/>
                        </transportConnectors>
                    </broker>
                </beans>
                """.formatted(BROKER_PORT));
        // As root the package's script runs the broker as its own user, which must own the directory.
        if ("root".equals(System.getProperty("user.name"))) {
            run(List.of("chown", "-R", "activemq:activemq", base.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/activemq", "console")
                .redirectErrorStream(true).redirectOutput(work.resolve("broker.log").toFile());
        builder.environment().put("ACTIVEMQ_CONF", conf.toString());
        builder.environment().put("ACTIVEMQ_DATA", base.resolve("data").toString());
        builder.environment().put("ACTIVEMQ_TMP", base.resolve("tmp").toString());
        builder.environment().put("ACTIVEMQ_PIDFILE", base.resolve("pid").toString());
        // A broker of an earlier run still on the port would be taken for this one.
        awaitPortFree("an earlier broker", BROKER_PORT);
        broker = builder.start();
        awaitPort("the ActiveMQ broker (" + work.resolve("broker.log") + ")", BROKER_PORT, broker);
    }

    private void startBalancer() throws Exception {
        Path config = work.resolve("haproxy.cfg");
        StringBuilder http = new StringBuilder();
        StringBuilder https = new StringBuilder();
        HTTP_PORTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(node -> {
            http.append("    server %s 127.0.0.1:%d check cookie %s%n".formatted(node.getKey(), node.getValue(), node.getKey()));
            https.append("    server %s 127.0.0.1:%d check port %d%n".formatted(node.getKey(), node.getValue() + 1, node.getValue()));
        });
        Files.writeString(config, """
                global
                    maxconn 2000
                    log stdout format raw local0 info
                defaults
                    log global
                    timeout connect 2s
                    timeout client 120s
                    timeout server 120s
                    retries 3
                    option redispatch
                    default-server inter 500ms fall 2 rise 2
                frontend http
                    mode http
                    bind 127.0.0.1:%d
                    option forwardfor
                    option http-server-close
                    default_backend gateway-http
                backend gateway-http
                    mode http
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    # The portal's session lives on the node that made it: a browser sticks to that node.
                    cookie GATEWAY_NODE insert indirect nocache
                %sfrontend https
                    mode tcp
                    bind 127.0.0.1:%d
                    default_backend gateway-https
                backend gateway-https
                    mode tcp
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                %s""".formatted(LB_HTTP, http, LB_HTTPS, https));
        balancer = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start();
        awaitPort("HAProxy (" + work.resolve("haproxy.log") + ")", LB_HTTP, balancer);
    }

    private static void awaitPortFree(String what, int port) throws InterruptedException {
        Poll.until(what + " to leave port " + port, Duration.ofSeconds(30), () -> !listening(port));
    }

    private static void awaitPort(String what, int port, Process process) throws InterruptedException {
        Poll.until(what + " to listen on " + port, Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                throw new AssertionError(what + " exited with " + process.exitValue());
            }
            return listening(port);
        });
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (run .ci/setup-machine first): " + output);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() throws Exception {
        try {
            for (Distribution node : nodes.values()) {
                node.close();
            }
        } finally {
            smsc.close();
            mail.stop();
            stop(balancer);
            stopBroker();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The package's script hands the broker to a JVM of the broker's user, which outlives the
     * script: that JVM is found by the configuration directory on its command line and stopped.
     */
    private void stopBroker() throws InterruptedException {
        String conf = "-Dactivemq.conf=" + work.resolve("broker").resolve("conf");
        List<ProcessHandle> jvms = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(conf)).orElse(false))
                .toList();
        for (ProcessHandle jvm : jvms) {
            jvm.destroy();
        }
        for (ProcessHandle jvm : jvms) {
            try {
                jvm.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stillThere) {
                jvm.destroyForcibly();
            }
        }
        stop(broker);
    }
}

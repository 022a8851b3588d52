package org.emailsms.gateway.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Payara Micro distribution started as an operator starts it: {@code bin/gateway}, configured
 * through the environment, in a data directory of its own, as a separate process.
 */
public final class Distribution implements AutoCloseable {

    private final Path work;
    private final int httpPort;
    private final int httpsPort;
    private final Map<String, String> environment;
    private Process process;

    /**
     * {@code httpPort} and {@code httpsPort} lie below Linux's ephemeral range (32768 and up), or
     * an outgoing connection of another test may hold one of them just then and the start fails.
     */
    public Distribution(Path work, int httpPort, int httpsPort, Map<String, String> environment) {
        this.work = work;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.environment = environment;
    }

    public GatewayClient client() {
        return new GatewayClient(httpPort, httpsPort);
    }

    public Path dataDir() {
        return work.resolve("data");
    }

    /** Starts the gateway and waits until it is ready; its output goes to {@code <name>.log}. */
    public void start(String name) throws IOException, InterruptedException {
        Process started = launch(name);
        Path log = log(name);
        GatewayClient client = client();
        Poll.until("the distribution to be ready (" + log + ")", Duration.ofMinutes(3), () -> {
            if (!started.isAlive()) {
                throw new AssertionError("the gateway exited with " + started.exitValue() + "; see " + log);
            }
            return Readiness.isReady(client);
        });
    }

    /** Where the output of the start called {@code name} goes. */
    public Path log(String name) {
        return work.resolve(name + ".log");
    }

    /** Starts the gateway without waiting for anything: for starts that are meant to fail. */
    public Process launch(String name) throws IOException {
        Files.createDirectories(work);
        File launcher = Path.of(System.getProperty("it.micro.dist"), "bin", "gateway").toFile();
        Path log = log(name);
        ProcessBuilder builder = new ProcessBuilder(launcher.getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("GATEWAY_DATA_DIR", dataDir().toString());
        env.put("GATEWAY_HTTP_PORT", Integer.toString(httpPort));
        env.put("GATEWAY_HTTPS_PORT", Integer.toString(httpsPort));
        env.put("GATEWAY_BIND_ADDRESS", "127.0.0.1");
        env.put("GATEWAY_ADMIN_PASSWORD", System.getProperty("it.admin.password"));
        env.put("GATEWAY_PASSWORD_ITERATIONS", "10000");
        env.put("JAVA_OPTS", System.getProperty("it.gateway.java.opts", "-Xmx512m"));
        // Each test's built-in SMSC simulator on a port of its own, clear of a gateway already running here.
        env.put("GATEWAY_SMSC_SIMULATOR_PORT", Integer.toString(httpPort + 700));
        env.putAll(environment);
        process = builder.start();
        return process;
    }

    /** Stops the gateway the way an operator's Ctrl-C or service manager does. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /** The gateway's process (the launcher execs the JVM), for its CPU time and memory. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Kills the gateway the hard way (SIGKILL, as {@code kill -9}): no shutdown hook, nothing flushed. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly().waitFor();
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}

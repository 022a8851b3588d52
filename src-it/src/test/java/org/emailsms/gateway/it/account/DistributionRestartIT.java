package org.emailsms.gateway.it.account;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Payara Micro distribution, started with its own launcher (the README's run command) on the
 * embedded defaults, stopped and started again: the H2 file and the broker store keep everything.
 */
class DistributionRestartIT {

    private static final int HTTP_PORT = 28080;
    private static final int HTTPS_PORT = 28181;

    private final Path work = Path.of(System.getProperty("it.work"), "distribution");
    private final GatewayClient gateway = new GatewayClient(HTTP_PORT, HTTPS_PORT);
    private Process running;

    @Test
    void accountsSerialsAndLockoutsSurviveARestart() throws Exception {
        start("first");
        PersistenceAcrossRestart scenario = new PersistenceAcrossRestart(gateway);
        scenario.before();

        stop();
        start("second");

        scenario.after();
    }

    @AfterEach
    void stopGateway() throws InterruptedException {
        if (running != null) {
            stop();
        }
    }

    private void start(String name) throws IOException, InterruptedException {
        Files.createDirectories(work);
        File launcher = Path.of(System.getProperty("it.micro.dist"), "bin", "gateway").toFile();
        ProcessBuilder builder = new ProcessBuilder(launcher.getAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("GATEWAY_DATA_DIR", work.resolve("data").toString());
        env.put("GATEWAY_HTTP_PORT", Integer.toString(HTTP_PORT));
        env.put("GATEWAY_HTTPS_PORT", Integer.toString(HTTPS_PORT));
        env.put("GATEWAY_ADMIN_PASSWORD", System.getProperty("it.admin.password"));
        env.put("GATEWAY_PASSWORD_ITERATIONS", "10000");
        env.put("JAVA_OPTS", "-Xmx512m");
        running = builder.start();
        Process process = running;
        Poll.until("the distribution to be ready (log: " + name + ".log)", Duration.ofMinutes(3), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + "; see " + work.resolve(name + ".log"));
            }
            return Readiness.isReady(gateway);
        });
    }

    private void stop() throws InterruptedException {
        running.destroy();
        if (!running.waitFor(2, TimeUnit.MINUTES)) {
            running.destroyForcibly().waitFor();
        }
        running = null;
    }
}

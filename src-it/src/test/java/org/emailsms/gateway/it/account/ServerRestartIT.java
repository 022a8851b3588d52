package org.emailsms.gateway.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.emailsms.gateway.it.support.Artifacts;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The EAR on Payara Server keeps its data on the embedded H2 file across a restart of the domain. */
@ExtendWith(ArquillianExtension.class)
class ServerRestartIT {

    private final GatewayClient gateway = GatewayClient.underTest();

    @Deployment(testable = false)
    static Archive<?> gateway() {
        return Artifacts.underTest();
    }

    @Test
    void accountsSerialsAndLockoutsSurviveARestartOfTheDomain() throws Exception {
        PersistenceAcrossRestart scenario = new PersistenceAcrossRestart(gateway);
        scenario.before();

        Process restart = new ProcessBuilder(System.getProperty("it.asadmin"), "restart-domain")
                .inheritIO().start();
        if (!restart.waitFor(5, TimeUnit.MINUTES)) {
            restart.destroyForcibly();
        }
        assertEquals(0, restart.exitValue(), "asadmin restart-domain");
        Readiness.await(gateway, Duration.ofMinutes(3));

        scenario.after();
    }
}

package org.emailsms.gateway.it.account;

import java.nio.file.Path;
import java.util.Map;

import org.emailsms.gateway.it.support.Distribution;
import org.junit.jupiter.api.Test;

/**
 * The Payara Micro distribution, started with its own launcher (the README's run command) on the
 * embedded defaults, stopped and started again: the H2 file keeps accounts, serials and lockouts.
 */
class DistributionRestartIT {

    @Test
    void accountsSerialsAndLockoutsSurviveARestart() throws Exception {
        Path work = Path.of(System.getProperty("it.work"), "distribution-restart");
        try (Distribution gateway = new Distribution(work, 28080, 28181, Map.of())) {
            gateway.start("first");
            PersistenceAcrossRestart scenario = new PersistenceAcrossRestart(gateway.client());
            scenario.before();

            gateway.stop();
            gateway.start("second");

            scenario.after();
        }
    }
}

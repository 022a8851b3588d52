package org.emailsms.gateway.it.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.emailsms.gateway.it.client.message.SendOptions;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Distribution;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.junit.jupiter.api.Test;

/**
 * The Payara Micro distribution, started with its own launcher (the README's run command) on the
 * embedded defaults: with no SMSC configured a message still goes all the way (the built-in
 * simulator acknowledges it and reports it delivered); stopped and started again, the H2 file keeps accounts, serials, lockouts and messages.
 */
class DistributionRestartIT {

    @Test
    void worksOutOfTheBoxAndKeepsEverythingAcrossARestart() throws Exception {
        Path work = Path.of(System.getProperty("it.work"), "distribution-restart");
        try (Distribution gateway = new Distribution(work, 28080, 28181,
                Map.of())) {
            gateway.start("first");
            assertTrue(Files.exists(gateway.dataDir().resolve("content.key")), "the content key is made at first start");
            GatewayClient client = gateway.client();
            PersistenceAcrossRestart scenario = new PersistenceAcrossRestart(client);
            scenario.before();
            CreatedUser sender = new Tenants(client).newSender(new Tenants(client).newCompany());
            String serial = client.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
            SendOptions confirm = new SendOptions();
            confirm.setConfirmDelivery(true);
            long id = client.messaging().sendMessage(serial, List.of("0412 345 678"), "Hello, simulator", confirm)
                    .get(0).getMessageId();
            Poll.until("the simulator's receipt to make the message DELIVERED", Duration.ofSeconds(60),
                    () -> client.messaging().getStatus(serial, List.of(id)).get(0).getStatus().equals("DELIVERED"));

            gateway.stop();
            gateway.start("second");

            scenario.after();
            assertEquals("DELIVERED", client.messaging().getStatus(serial, List.of(id)).get(0).getStatus());
        }
    }
}

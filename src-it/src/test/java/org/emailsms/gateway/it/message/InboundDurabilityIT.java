package org.emailsms.gateway.it.message;

import static org.emailsms.gateway.it.support.Messages.DELIVERY;
import static org.emailsms.gateway.it.support.Messages.randomMobile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Distribution;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestSmsc;
import org.junit.jupiter.api.Test;

/**
 * Nothing is acknowledged to the SMSC before it is durable: a delivery receipt that overtakes the
 * submit it reports on cannot be processed yet; the gateway answers deliver_sm_resp, is killed
 * with SIGKILL, starts again, and the receipt still turns the message DELIVERED once it is sent.
 * Runs the distribution as a process, with its own test SMSC.
 */
class InboundDurabilityIT {

    private static final int SMSC_PORT = 12776;
    private static final String POOL_NUMBER = "+61491570156";

    @Test
    void aReceiptAcknowledgedBeforeAKillIsProcessedAfterTheRestart() throws Exception {
        Path work = Path.of(System.getProperty("it.work"), "inbound-durability");
        try (TestSmsc smsc = new TestSmsc(SMSC_PORT);
             Distribution gateway = new Distribution(work, 26080, 26181, Map.of(
                     "GATEWAY_SMSC_HOST", "127.0.0.1",
                     "GATEWAY_SMSC_PORT", Integer.toString(SMSC_PORT),
                     "GATEWAY_SMSC_BIND_CHECK_INTERVAL", "PT1S",
                     "GATEWAY_SMSC_REBIND_MAX_WAIT", "PT1S"))) {
            gateway.start("before-kill");
            GatewayClient client = gateway.client();
            CreatedUser sender = new Tenants(client).newSender(new Tenants(client).newCompany());
            String serial = client.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
            String handset = randomMobile();
            smsc.awaitBinds(1, DELIVERY);

            // Returns once the gateway has sent deliver_sm_resp, that is once the receipt is durable.
            smsc.sendReceiptFor(null, handset, POOL_NUMBER, "c0ffee", "DELIVRD");
            gateway.kill();
            gateway.start("after-kill");

            smsc.planIds("c0ffee");
            long id = client.messaging().sendMessage(serial, List.of(handset), "Sent after the receipt", null)
                    .get(0).getMessageId();
            Poll.until("the receipt from before the kill to make the message DELIVERED", Duration.ofMinutes(2),
                    () -> client.messaging().getStatus(serial, List.of(id)).get(0).getStatus().equals("DELIVERED"));
        }
    }
}

package org.emailsms.gateway.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.util.IOHelper;
import org.emailsms.gateway.it.client.message.RecipientResult;
import org.emailsms.gateway.it.client.provisioning.CreatedUser;
import org.emailsms.gateway.it.support.Distribution;
import org.emailsms.gateway.it.support.GatewayClient;
import org.emailsms.gateway.it.support.Messages;
import org.emailsms.gateway.it.support.Poll;
import org.emailsms.gateway.it.support.Tenants;
import org.emailsms.gateway.it.support.TestSmsc;
import org.junit.jupiter.api.Test;

/**
 * The database, not the queue, says what is still to send: with the (external) broker down a
 * message is still accepted, and once a broker is back the due-message sweep queues it and it is
 * submitted exactly once. The restarted broker is empty (not persistent), as a lost queue would be.
 */
class BrokerOutageIT {

    private static final int BROKER_PORT = 61627;
    private static final int SMSC_PORT = 12777;

    @Test
    void aMessageAcceptedWhileTheBrokerIsDownIsSentOnceItIsBack() throws Exception {
        Path work = Path.of(System.getProperty("it.work"), "broker-outage");
        IOHelper.deleteFile(work.toFile());
        BrokerService broker = startBroker();
        try (TestSmsc smsc = new TestSmsc(SMSC_PORT);
             Distribution gateway = new Distribution(work, 22080, 22181, Map.of(
                     "GATEWAY_BROKER_URL", "tcp://127.0.0.1:" + BROKER_PORT,
                     "GATEWAY_SMSC_HOST", "127.0.0.1",
                     "GATEWAY_SMSC_PORT", Integer.toString(SMSC_PORT),
                     "GATEWAY_RETRY_SWEEP_INTERVAL", "PT1S",
                     "GATEWAY_RETRY_REQUEUE_AFTER", "PT3S"))) {
            gateway.start("gateway");
            GatewayClient client = gateway.client();
            CreatedUser sender = new Tenants(client).newSender(new Tenants(client).newCompany());
            String serial = client.account().activate(sender.getUsername(), sender.getGeneratedPassword(), null, null);
            String before = Messages.randomMobile();
            client.messaging().sendMessage(serial, List.of(before), "With the broker up", null);
            smsc.awaitSubmitsTo(before, 1, Duration.ofMinutes(1));

            stop(broker);
            String during = Messages.randomMobile();
            RecipientResult accepted = client.messaging().sendMessage(serial, List.of(during), "With the broker down", null).get(0);
            assertEquals("PENDING", accepted.getStatus(), "accepted and stored although it could not be queued");
            broker = startBroker();

            Poll.until("the message accepted during the outage to be OK", Duration.ofMinutes(2),
                    () -> client.messaging().getStatus(serial, List.of(accepted.getMessageId())).get(0)
                            .getStatus().equals("OK"));
            assertEquals(1, smsc.submitCount(during), "submitted once");
        } finally {
            stop(broker);
        }
    }

    private static BrokerService startBroker() throws Exception {
        BrokerService broker = new BrokerService();
        broker.setBrokerName("outage");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.addConnector("tcp://127.0.0.1:" + BROKER_PORT);
        broker.start();
        broker.waitUntilStarted();
        return broker;
    }

    private static void stop(BrokerService broker) throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }
}

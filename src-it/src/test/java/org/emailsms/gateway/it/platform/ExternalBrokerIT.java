package org.emailsms.gateway.it.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.broker.BrokerFilter;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.ConnectionContext;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.command.ConnectionInfo;
import org.apache.activemq.util.IOHelper;
import org.emailsms.gateway.it.support.Distribution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** By configuration alone the gateway uses an external ActiveMQ broker instead of its embedded one. */
class ExternalBrokerIT {

    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private BrokerService broker;
    private TransportConnector connector;

    @BeforeEach
    void startExternalBroker() throws Exception {
        broker = new BrokerService();
        broker.setBrokerName("external");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        connector = broker.addConnector("tcp://127.0.0.1:0");
        broker.setPlugins(new BrokerPlugin[] {next -> new BrokerFilter(next) {
            @Override
            public void addConnection(ConnectionContext context, ConnectionInfo info) throws Exception {
                connectionsOpened.incrementAndGet();
                super.addConnection(context, info);
            }
        }});
        broker.start();
        broker.waitUntilStarted();
    }

    @AfterEach
    void stopExternalBroker() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }

    @Test
    void connectsToTheConfiguredBrokerAndStartsNoneOfItsOwn() throws Exception {
        URI address = connector.getConnectUri();
        Path work = Path.of(System.getProperty("it.work"), "external-broker");
        IOHelper.deleteFile(work.toFile());
        try (Distribution gateway = new Distribution(work, 24080, 24181,
                Map.of("GATEWAY_BROKER_URL", address.toString()))) {
            gateway.start("gateway");

            assertTrue(connectionsOpened.get() > 0, "the gateway connected to " + address);
            assertFalse(Files.exists(gateway.dataDir().resolve("activemq-data")), "no embedded broker store");
        }
    }
}

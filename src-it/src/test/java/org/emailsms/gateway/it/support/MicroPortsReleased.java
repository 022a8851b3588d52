package org.emailsms.gateway.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before each test class on Payara Micro: waits until the previous class's Micro has let go of the
 * HTTP and HTTPS ports. Arquillian's Micro container ends a class by signalling the process and
 * does not wait for it to exit, while the gateway's orderly stop (outcomes written, the node's
 * lease given back) can take a few seconds; a Micro started meanwhile cannot bind its ports and
 * the whole next class fails to deploy. Registered for every class through the service loader
 * ({@code junit-platform.properties} turns autodetection on), so it runs before Arquillian's own
 * extension. Does nothing on Payara Server, which keeps its ports for the whole run.
 */
public final class MicroPortsReleased implements BeforeAllCallback {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        if (!"micro".equals(System.getProperty("arquillian.launch"))) {
            return;
        }
        for (String port : new String[] {System.getProperty("it.http.port"), System.getProperty("it.https.port")}) {
            if (port == null || !listening(Integer.parseInt(port))) {
                continue;
            }
            long start = System.nanoTime();
            // Not a failure when it stays taken: the deployment then says what holds it.
            try {
                Poll.until("port " + port + " released by the previous Micro", PATIENCE,
                        () -> !listening(Integer.parseInt(port)));
                System.out.printf("Port %s was still held by the previous Micro; free after %.1f s%n", port,
                        (System.nanoTime() - start) / 1e9);
            } catch (AssertionError stillTaken) {
                System.err.println(stillTaken.getMessage());
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}

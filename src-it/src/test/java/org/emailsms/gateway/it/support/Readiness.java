package org.emailsms.gateway.it.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether a gateway is ready: the health endpoint answers 200 with the gateway's own checks in it.
 * The runtime answers UP with no checks at all while the application is still being loaded.
 */
public final class Readiness {

    private Readiness() {
    }

    public static boolean isReady(GatewayClient gateway) throws IOException, InterruptedException {
        HttpResponse<String> health = gateway.get(gateway.http("/health/ready"));
        return health.statusCode() == 200 && health.body().contains("\"database\"") && health.body().contains("\"broker\"");
    }

    public static void await(GatewayClient gateway, Duration timeout) throws InterruptedException {
        Poll.until("the gateway to be ready", timeout, () -> isReady(gateway));
    }
}

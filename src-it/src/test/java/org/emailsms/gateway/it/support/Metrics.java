package org.emailsms.gateway.it.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one of the gateway's own gauges from {@code /metrics} (Prometheus text). */
public final class Metrics {

    private Metrics() {
    }

    public static long gauge(GatewayClient gateway, String name) throws Exception {
        String metrics = gateway.get(gateway.http("/metrics")).body();
        Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.E+-]+)").matcher(metrics);
        if (!line.find()) {
            throw new AssertionError(name + " is not in /metrics:\n" + metrics);
        }
        return (long) Double.parseDouble(line.group(2));
    }
}

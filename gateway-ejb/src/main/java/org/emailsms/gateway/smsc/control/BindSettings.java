package org.emailsms.gateway.smsc.control;

import java.util.ArrayList;
import java.util.List;

/** One SMPP bind: where to, as whom, and how much at once. */
public record BindSettings(String name, String host, int port, String systemId, String password, String systemType,
                           int window, int throughput) {

    /** A carrier's {@code count} binds to one SMSC account: named after it, {@code nz}, or {@code nz-1}, {@code nz-2}... */
    public static List<BindSettings> ofCarrier(String carrier, int count, String host, int port, String systemId,
                                               String password, String systemType, int window, int throughput) {
        List<BindSettings> binds = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            binds.add(new BindSettings(count == 1 ? carrier : carrier + "-" + i, host, port, systemId, password,
                    systemType, window, throughput));
        }
        return binds;
    }

    @Override
    public String toString() {
        return name + " (" + systemId + "@" + host + ":" + port + ")";
    }
}

package org.emailsms.gateway.smsc.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One carrier: its binds (each to the same SMSC account, used in turn), the source address's TON
 * and NPI, the validity period it is asked for, whether it returns delivery receipts (if not, none
 * is asked for) and whether its binds go over TLS.
 */
public record CarrierSettings(String name, List<BindSettings> binds, byte sourceTon, byte sourceNpi,
                              Optional<Duration> validityPeriod, boolean receipts, Tls tls) {

    public CarrierSettings {
        binds = List.copyOf(binds);
    }

    /**
     * SMPP over TLS: the SMSC's certificate must chain to {@code trustStore} (PKCS#12 or JKS; the
     * JDK's own trusted authorities when absent) and name the host bound to.
     */
    public record Tls(boolean enabled, Optional<Path> trustStore, String trustStorePassword) {

        public static final Tls OFF = new Tls(false, Optional.empty(), "");
    }

    public int window() {
        return binds.stream().mapToInt(bind -> Math.max(1, bind.window())).sum();
    }
}

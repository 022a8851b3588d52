package org.emailsms.gateway.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies cut = TrustedProxies.of(List.of("10.0.0.0/8", "192.0.2.1", "2001:db8::/32"));

    @Test
    void believesTheHeaderOnlyFromATrustedPeer() {
        assertEquals("198.51.100.7", cut.clientOf("10.1.2.3", "198.51.100.7"));
        assertEquals("203.0.113.9", cut.clientOf("203.0.113.9", "198.51.100.7"), "anybody else's header is ignored");
        assertEquals("10.1.2.3", cut.clientOf("10.1.2.3", null));
    }

    @Test
    void walksBackThroughTrustedHopsOnlyAndNeverFurther() {
        assertEquals("198.51.100.7", cut.clientOf("192.0.2.1", "198.51.100.7, 10.9.9.9"));
        assertEquals("198.51.100.8", cut.clientOf("10.1.2.3", "1.2.3.4, 198.51.100.8"),
                "what the client itself put first is not believed");
        assertEquals("2001:db9::1", cut.clientOf("2001:db8::5", "2001:db9::1"));
    }

    @Test
    void aHeaderThatIsNoAddressIsIgnoredAndNoNameIsLookedUp() {
        assertEquals("10.1.2.3", cut.clientOf("10.1.2.3", "evil.example"));
        assertEquals("198.51.100.7", cut.clientOf("10.1.2.3", "unknown, 198.51.100.7"));
    }

    @Test
    void refusesAnEntryThatIsNoAddressOrBlock() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("proxy.example")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
    }
}

package org.emailsms.gateway.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressesTest {

    @Test
    void ipv4IsCountedAsItIsAndIpv6ByItsSlash64() {
        assertEquals("198.51.100.7", ClientAddresses.countingUnit("198.51.100.7"));
        assertEquals("2001:db8:1:2::/64", ClientAddresses.countingUnit("2001:db8:1:2:a:b:c:d"));
        assertEquals("2001:db8:1:2::/64", ClientAddresses.countingUnit("[2001:db8:1:2::1]"));
        assertEquals("0:0:0:0::/64", ClientAddresses.countingUnit("::1"));
        assertEquals("fe80:0:0:0::/64", ClientAddresses.countingUnit("fe80::1%lo"));
        assertEquals(null, ClientAddresses.countingUnit(null));
    }
}

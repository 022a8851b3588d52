package org.emailsms.gateway.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The unit in which the gateway counts a client's attempts: an IPv4 address as it is, an IPv6
 * address by its /64 network. One IPv6 subscriber usually holds a whole /64 and can rotate through
 * its 2^64 addresses at will; counted one by one, each would get a fresh allowance of guesses.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    private static int group(byte[] address, int at) {
        return (address[at] & 0xff) << 8 | (address[at + 1] & 0xff);
    }

    /** {@code 198.51.100.7} stays itself; {@code 2001:db8:1:2:a:b:c:d} becomes {@code 2001:db8:1:2::/64}. */
    public static String countingUnit(String clientIp) {
        if (clientIp == null || clientIp.indexOf(':') < 0) {
            return clientIp;
        }
        try {
            // Only literals reach here (a peer's address), so no name is looked up.
            String literal = clientIp.startsWith("[") ? clientIp.substring(1, clientIp.length() - 1) : clientIp;
            int zone = literal.indexOf('%');
            byte[] address = InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone)).getAddress();
            if (address.length != 16) {
                return clientIp;
            }
            return String.format("%x:%x:%x:%x::/64", group(address, 0), group(address, 2), group(address, 4),
                    group(address, 6));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return clientIp;
        }
    }
}

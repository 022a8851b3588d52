package org.emailsms.gateway.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which peers may tell the real client's address in {@code X-Forwarded-For}: the reverse proxies
 * or load balancers the operator lists in {@code gateway.http.trusted-proxies} (addresses or CIDR
 * blocks, IPv4 or IPv6). Anybody else's header is ignored, so a client cannot pick the address the
 * login audit and the sign-in limits see.
 */
public final class TrustedProxies {

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** From the configured entries; an entry that is no address or block is refused at start. */
    public static TrustedProxies of(Collection<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                blocks.add(Block.parse(entry.strip()));
            }
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    /**
     * The client behind {@code peer}: the right-most address of the header that is not a trusted
     * proxy, walking back through the chain only while each hop is trusted.
     */
    public String clientOf(String peer, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusts(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Whether the peer is one of the operator's proxies, whose forwarding headers count. */
    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    /** The bytes of an IP literal, or null: never a DNS lookup for a name. */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !(text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("gateway.http.trusted-proxies: '" + entry + "' is no IP address or CIDR block");
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("gateway.http.trusted-proxies: bad prefix length in '" + entry + "'");
            }
            return new Block(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}

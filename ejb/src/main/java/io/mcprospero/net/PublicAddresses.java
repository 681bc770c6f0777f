package io.mcprospero.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which IP addresses a server-side fetch of a client-supplied URL may reach: public unicast only. A
 * metadata document URL is chosen by whoever calls /authorize, so without this check it would make the
 * server read its own admin ports, the cloud metadata service (169.254.169.254) or the internal network.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    /** Returns null when the address is public unicast, else why it is refused. */
    public static String problemWith(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return problemWithIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return problemWithIpv6(bytes);
        }
        return null;
    }

    /**
     * IPv6 forms that carry an IPv4 address are judged by that address (IPv4-compatible, NAT64 64:ff9b::/96, 6to4
     * 2002::/16); forms whose IPv4 destination cannot be read safely are refused (Teredo 2001::/32, local-use NAT64
     * 64:ff9b:1::/48, whose translator is on the local network), as are ULA, documentation and discard prefixes.
     */
    private static String problemWithIpv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return "an IPv6 unique local address";
        }
        if (u16(b, 0) == 0x2001 && u16(b, 2) == 0x0000) {
            return "a Teredo address (2001::/32), which tunnels to an address that cannot be checked";
        }
        if (u16(b, 0) == 0x2001 && u16(b, 2) == 0x0db8) {
            return "an IPv6 documentation address (2001:db8::/32)";
        }
        if (u16(b, 0) == 0x0064 && u16(b, 2) == 0xff9b && u16(b, 4) == 0x0001) {
            return "a local-use NAT64 address (64:ff9b:1::/48)";
        }
        if (u16(b, 0) == 0x0100 && u16(b, 2) == 0 && u16(b, 4) == 0 && u16(b, 6) == 0) {
            return "an IPv6 discard-only address (100::/64)";
        }
        if (u16(b, 0) == 0x2002) {
            return embedded(new byte[]{b[2], b[3], b[4], b[5]}, "a 6to4");
        }
        if (embedsIpv4(b)) {
            return embedded(new byte[]{b[12], b[13], b[14], b[15]}, "an IPv6");
        }
        return null;
    }

    private static String embedded(byte[] ipv4, String form) {
        try {
            String problem = problemWith(InetAddress.getByAddress(ipv4));
            return problem == null ? null : problem + " (inside " + form + " address)";
        } catch (java.net.UnknownHostException e) {
            return "an unreadable address";
        }
    }

    private static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }

    private static String problemWithIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "an address in 0.0.0.0/8 (this network)";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "a carrier-grade NAT address (100.64.0.0/10)";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "an IETF protocol assignment address (192.0.0.0/24)";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "a benchmarking address (198.18.0.0/15)";
        }
        if (first >= 240) {
            return "a reserved or broadcast address";
        }
        return null;
    }

    /** IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) forms; IPv4-mapped ones Java already returns as IPv4. */
    private static boolean embedsIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return zeroPrefix || nat64;
    }
}

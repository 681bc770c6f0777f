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
            if ((bytes[0] & 0xfe) == 0xfc) {
                return "an IPv6 unique local address";
            }
            if (embedsIpv4(bytes)) {
                byte[] ipv4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                try {
                    String problem = problemWith(InetAddress.getByAddress(ipv4));
                    return problem == null ? null : problem + " (inside an IPv6 address)";
                } catch (java.net.UnknownHostException e) {
                    return "an unreadable address";
                }
            }
        }
        return null;
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

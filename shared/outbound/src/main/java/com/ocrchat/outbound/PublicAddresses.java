package com.ocrchat.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a user-named URL may reach: the public internet only. Refused are this host, private
 * networks (RFC 1918, shared CGNAT space, IPv6 unique-local, where a VPC lives), link-local (where cloud metadata
 * endpoints live: 169.254.169.254, fd00:ec2::254 is unique-local), multicast, reserved and documentation ranges,
 * and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4), judged by the address they embed.
 */
final class PublicAddresses {
    private PublicAddresses() {}

    static boolean allowed(InetAddress address, boolean loopbackAllowed) {
        if (address instanceof Inet6Address) {
            byte[] v6 = address.getAddress();
            InetAddress embedded = embeddedV4(v6);
            if (embedded != null) {
                return allowed(embedded, loopbackAllowed);
            }
        }
        if (address.isLoopbackAddress()) {
            return loopbackAllowed;
        }
        if (address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? publicV4(bytes) : publicV6(bytes);
    }

    private static boolean publicV4(byte[] ip) {
        int a = ip[0] & 0xFF, b = ip[1] & 0xFF, c = ip[2] & 0xFF;
        return !(a == 0 // "this network"
                || a == 10
                || a == 127
                || (a == 100 && b >= 64 && b <= 127) // shared address space (CGNAT)
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 0 && (c == 0 || c == 2)) // IETF protocol assignments, TEST-NET-1
                || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
                || (a == 192 && b == 168)
                || (a == 198 && (b == 18 || b == 19)) // benchmarking
                || (a == 198 && b == 51 && c == 100) // TEST-NET-2
                || (a == 203 && b == 0 && c == 113) // TEST-NET-3
                || a >= 224); // multicast, reserved, broadcast
    }

    private static boolean publicV6(byte[] ip) {
        int first = ip[0] & 0xFF;
        if ((first & 0xFE) == 0xFC) { // fc00::/7 unique-local
            return false;
        }
        if (first == 0xFE && (ip[1] & 0xC0) == 0xC0) { // fec0::/10 site-local (deprecated)
            return false;
        }
        if (first == 0x20 && ip[1] == 0x01 && (ip[2] & 0xFF) == 0x0D && (ip[3] & 0xFF) == 0xB8) { // 2001:db8::/32
            return false;
        }
        if (first == 0x01 && ip[1] == 0 && ip[2] == 0 && ip[3] == 0) { // 100::/64 discard
            return false;
        }
        boolean unspecifiedOrCompatible = true; // ::/96 (IPv4-compatible, deprecated)
        for (int i = 0; i < 12; i++) {
            unspecifiedOrCompatible &= ip[i] == 0;
        }
        return !unspecifiedOrCompatible;
    }

    /** The IPv4 address inside ::ffff:0:0/96 (mapped), 64:ff9b::/96 (NAT64) or 2002::/16 (6to4); else null. */
    private static InetAddress embeddedV4(byte[] ip) {
        try {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= ip[i] == 0;
            }
            mapped &= (ip[10] & 0xFF) == 0xFF && (ip[11] & 0xFF) == 0xFF;
            boolean nat64 = ip[0] == 0 && (ip[1] & 0xFF) == 0x64 && (ip[2] & 0xFF) == 0xFF && (ip[3] & 0xFF) == 0x9B;
            for (int i = 4; nat64 && i < 12; i++) {
                nat64 = ip[i] == 0;
            }
            if (mapped || nat64) {
                return InetAddress.getByAddress(new byte[] {ip[12], ip[13], ip[14], ip[15]});
            }
            if ((ip[0] & 0xFF) == 0x20 && (ip[1] & 0xFF) == 0x02) {
                return InetAddress.getByAddress(new byte[] {ip[2], ip[3], ip[4], ip[5]});
            }
            return null;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

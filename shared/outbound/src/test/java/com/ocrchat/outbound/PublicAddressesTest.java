package com.ocrchat.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicAddressesTest {
    @ParameterizedTest(name = "{0}: public {1}, with loopback allowed {2}")
    @CsvSource({
        "93.184.215.14, true, true",
        "2606:2800:21f:cb07:6820:80da:af6b:8b2c, true, true",
        "127.0.0.1, false, true",
        "127.1.2.3, false, true",
        "::1, false, true",
        "0.0.0.0, false, false",
        "::, false, false",
        "10.1.2.3, false, false",
        "172.16.0.1, false, false",
        "172.31.255.255, false, false",
        "172.32.0.1, true, true",
        "192.168.1.1, false, false",
        "100.64.0.1, false, false",
        "169.254.169.254, false, false",
        "fd00:ec2::254, false, false",
        "fe80::1, false, false",
        "fc00::1, false, false",
        "::ffff:127.0.0.1, false, true",
        "::ffff:169.254.169.254, false, false",
        "64:ff9b::a9fe:a9fe, false, false",
        "2002:a9fe:a9fe::1, false, false",
        "2002:5db8:d70e::1, true, true",
        "224.0.0.1, false, false",
        "255.255.255.255, false, false",
        "198.18.0.1, false, false",
        "2001:db8::1, false, false",
    })
    void onlyThePublicInternetIsReachable(String address, boolean reachable, boolean reachableWithLoopback)
            throws Exception {
        InetAddress parsed = InetAddress.getByName(address);
        assertEquals(reachable, PublicAddresses.allowed(parsed, false), address);
        assertEquals(reachableWithLoopback, PublicAddresses.allowed(parsed, true), address + " (loopback allowed)");
    }
}

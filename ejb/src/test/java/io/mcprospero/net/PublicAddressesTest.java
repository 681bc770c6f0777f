package io.mcprospero.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "fe80::1",
            "224.0.0.1", "ff02::1", "0.0.0.0", "::", "100.64.0.1", "100.127.255.254", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1",
            "::ffff:127.0.0.1", "::10.0.0.1", "64:ff9b::a00:1", "255.255.255.255", "198.18.0.1", "192.0.0.8", "fec0::1",
            "2002:7f00:1::", "2002:a00:1::1", "2002:a9fe:a9fe::", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1",
            "64:ff9b:1::a00:1", "64:ff9b:1::808:808", "2001:db8::1", "100::1"})
    void refused(String address) throws UnknownHostException {
        assertThat(PublicAddresses.problemWith(InetAddress.getByName(address))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"160.79.104.10", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700::6810:1", "64:ff9b::808:808",
            "2002:808:808::1", "2001:4860:4860::8888"})
    void publicUnicastIsAllowed(String address) throws UnknownHostException {
        assertThat(PublicAddresses.problemWith(InetAddress.getByName(address))).isNull();
    }
}

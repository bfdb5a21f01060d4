package dev.salesbot.sync.config;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }

    private static TrustedProxies parse(String value) {
        return TrustedProxies.parse(Optional.of(value));
    }

    @Test
    void unsetOrBlankTrustsNobody() {
        assertThat(TrustedProxies.parse(Optional.empty()).trustsNobody()).isTrue();
        assertThat(parse("  ").trustsNobody()).isTrue();
        assertThat(parse("  ").trusts(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void readsIpv4AddressesAndRanges() {
        TrustedProxies proxies = parse("192.0.2.7, 10.0.0.0/8,172.16.0.0/12");

        assertThat(proxies.trusts(ip("192.0.2.7"))).isTrue();
        assertThat(proxies.trusts(ip("192.0.2.8"))).isFalse();
        assertThat(proxies.trusts(ip("10.255.1.2"))).isTrue();
        assertThat(proxies.trusts(ip("11.0.0.1"))).isFalse();
        assertThat(proxies.trusts(ip("172.31.255.255"))).isTrue();
        assertThat(proxies.trusts(ip("172.32.0.0"))).isFalse();
        assertThat(proxies.trusts(ip("2001:db8::1"))).as("another family").isFalse();
    }

    @Test
    void readsIpv6AddressesAndRanges() {
        TrustedProxies proxies = parse("2001:db8:1::/48, fd00::7, ::1");

        assertThat(proxies.trusts(ip("2001:db8:1:ffff::1"))).isTrue();
        assertThat(proxies.trusts(ip("2001:db8:2::1"))).isFalse();
        assertThat(proxies.trusts(ip("fd00:0:0:0:0:0:0:7"))).as("another spelling of the same address").isTrue();
        assertThat(proxies.trusts(ip("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(proxies.trusts(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() {
        assertThat(parse("::ffff:10.0.0.0/104").trusts(ip("10.9.8.7"))).isTrue();
        assertThat(parse("10.0.0.1").trusts(ip("::ffff:10.0.0.1"))).isTrue();
        assertThat(ip("::ffff:192.0.2.1")).isEqualTo(ip("192.0.2.1"));
    }

    @Test
    void aPrefixOfZeroTrustsTheWholeFamily() {
        assertThat(parse("0.0.0.0/0").trusts(ip("203.0.113.9"))).isTrue();
        assertThat(parse("::/0").trusts(ip("2001:db8::9"))).isTrue();
        assertThat(parse("::/0").trusts(ip("203.0.113.9"))).isFalse();
    }

    @Test
    void refusesEveryEntryThatIsNotALiteralAddressOrRange() {
        for (String wrong : new String[]{"proxy.example.com", "10.1", "10.0.0.256", "012.0.0.1", "10.0.0.0/33", "2001:db8::/129",
                "10.0.0.0/", "10.0.0.0/x", "10.0.0.1/8", "fe80::1%eth0", "10.0.0.1,,10.0.0.2", "::ffff:10.0.0.0/8", "*", "1.2.3.4:80"}) {
            assertThatThrownBy(() -> parse(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("TRUSTED_PROXIES is malformed");
        }
        assertThat(TrustedProxies.problem(Optional.of("10.0.0.0/8, localhost"))).get().asString()
                .contains("\"localhost\"", "not an IP address");
        assertThat(TrustedProxies.problem(Optional.of("10.0.0.0/8, ::1"))).isEmpty();
    }

    @Test
    void literalsAreNeverLookedUp() {
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("1")).isEmpty();
        assertThat(TrustedProxies.literal("::g")).isEmpty();
        assertThat(TrustedProxies.literal(":::")).isEmpty();
        assertThat(TrustedProxies.literal("")).isEmpty();
        assertThat(TrustedProxies.literal(null)).isEmpty();
    }
}

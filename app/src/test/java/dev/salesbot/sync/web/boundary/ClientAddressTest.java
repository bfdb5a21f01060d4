package dev.salesbot.sync.web.boundary;

import dev.salesbot.sync.config.TrustedProxies;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    /** The proxy in front of the servers, and a second one (a CDN) in front of it. */
    static final TrustedProxies PROXIES = TrustedProxies.parse(Optional.of("10.0.0.0/24, 2001:db8:ffff::/48"));
    static final String PROXY = "10.0.0.5";

    private static InetAddress client(String peer, String... forwardedFor) {
        return ClientAddress.resolve(peer, List.of(forwardedFor), PROXIES);
    }

    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }

    @Test
    void withNoTrustedProxyTheHeaderIsIgnored() {
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("198.51.100.7"), TrustedProxies.nobody())).isEqualTo(ip("10.0.0.5"));
    }

    @Test
    void anUntrustedPeerCannotForgeItsAddress() {
        assertThat(client("203.0.113.9", "198.51.100.7")).isEqualTo(ip("203.0.113.9"));
        assertThat(client("2001:db8:1::9", "10.0.0.5")).isEqualTo(ip("2001:db8:1::9"));
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressItAppended() {
        assertThat(client(PROXY, "198.51.100.7")).isEqualTo(ip("198.51.100.7"));
        assertThat(client(PROXY, "2001:db8:1::9")).isEqualTo(ip("2001:db8:1::9"));
        assertThat(client(PROXY)).as("no header: the proxy itself").isEqualTo(ip(PROXY));
    }

    @Test
    void whatTheClientWroteToTheLeftIsNeverRead() {
        assertThat(client(PROXY, "192.0.2.1, 10.0.0.9, 198.51.100.7")).isEqualTo(ip("198.51.100.7"));
        assertThat(client(PROXY, "192.0.2.1", "198.51.100.7")).as("the header twice: one list").isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void trustedProxiesAreSkippedFromTheRight() {
        assertThat(client(PROXY, "198.51.100.7, 2001:db8:ffff::2, 10.0.0.9")).isEqualTo(ip("198.51.100.7"));
        assertThat(client(PROXY, "10.0.0.8, 10.0.0.9")).as("every hop trusted: the leftmost").isEqualTo(ip("10.0.0.8"));
    }

    @Test
    void garbageEndsTheWalkAtTheLastTrustedHop() {
        assertThat(client(PROXY, "198.51.100.7, unknown")).isEqualTo(ip(PROXY));
        assertThat(client(PROXY, "198.51.100.7, not-an-address, 10.0.0.9")).isEqualTo(ip("10.0.0.9"));
        assertThat(client(PROXY, "198.51.100.7, ")).as("an empty entry").isEqualTo(ip(PROXY));
        assertThat(client(PROXY, "proxy.example.com")).as("a name is never looked up").isEqualTo(ip(PROXY));
        assertThat(client(PROXY, "198.51.100.7, 10.1")).as("no legacy IPv4 forms").isEqualTo(ip(PROXY));
    }

    @Test
    void portsBracketsAndMappedAddressesAreRead() {
        assertThat(client(PROXY, "198.51.100.7:4711")).isEqualTo(ip("198.51.100.7"));
        assertThat(client(PROXY, "[2001:db8:1::9]:4711")).isEqualTo(ip("2001:db8:1::9"));
        assertThat(client(PROXY, "[2001:db8:1::9]")).isEqualTo(ip("2001:db8:1::9"));
        assertThat(client(PROXY, "::ffff:198.51.100.7")).isEqualTo(ip("198.51.100.7"));
        assertThat(client("::ffff:10.0.0.5", "198.51.100.7")).as("a mapped peer").isEqualTo(ip("198.51.100.7"));
        assertThat(client(PROXY, "[198.51.100.7]")).as("brackets hold IPv6 only").isEqualTo(ip(PROXY));
        assertThat(client(PROXY, "198.51.100.7:99999999")).isEqualTo(ip(PROXY));
        assertThat(client(PROXY, "[2001:db8:1::9]x")).isEqualTo(ip(PROXY));
    }

    @Test
    void aLongChainOfTrustedHopsStopsAtTheLimit() {
        String hops = String.join(", ", Collections.nCopies(ClientAddress.MAX_HOPS + 5, "10.0.0.9"));
        assertThat(client(PROXY, "198.51.100.7, " + hops)).isEqualTo(ip("10.0.0.9"));
    }

    @Test
    void aPeerThatIsNoAddressIsTheLoopback() {
        assertThat(client("", "198.51.100.7")).isEqualTo(InetAddress.getLoopbackAddress());
    }
}

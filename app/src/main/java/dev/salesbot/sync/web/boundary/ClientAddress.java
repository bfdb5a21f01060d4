package dev.salesbot.sync.web.boundary;

import dev.salesbot.sync.config.TrustedProxies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who sent a request: the connection's peer, unless the peer is a trusted proxy
 * ({@code TRUSTED_PROXIES}); then {@code X-Forwarded-For} is read from the right, each trusted proxy
 * skipped, and the first address that is not one is the client. The header's entries to the left
 * of it were written by the client itself and are never read.
 *
 * <p>An entry that is not an address ({@code unknown}, a host name, garbage) ends the walk: the
 * client is then the last address a trusted proxy vouched for — the proxy that passed the entry on
 * — never the entry, and never something further left. The same when every entry is a trusted
 * proxy (the leftmost of them), when the header is absent (the peer), or past {@value #MAX_HOPS}
 * entries. A port ({@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}) or IPv6 brackets are
 * dropped; an IPv4-mapped IPv6 address is the IPv4 address.
 */
@ApplicationScoped
public class ClientAddress {

    static final int MAX_HOPS = 32;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Inject
    @ConfigProperty(name = TrustedProxies.SETTING)
    Optional<String> setting;

    private volatile TrustedProxies proxies;

    /** The request's client, by the rule above. */
    public InetAddress of(HttpServletRequest request) {
        List<String> forwarded = request.getHeader("X-Forwarded-For") == null ? List.of()
                : Collections.list(request.getHeaders("X-Forwarded-For"));
        return resolve(request.getRemoteAddr(), forwarded, proxies());
    }

    private TrustedProxies proxies() {
        TrustedProxies read = proxies;
        if (read == null) {
            try {
                read = TrustedProxies.parse(setting);
            } catch (IllegalArgumentException e) {
                read = TrustedProxies.nobody(); // ConfigurationCheck keeps such a server out of service
            }
            proxies = read;
        }
        return read;
    }

    /**
     * The client of a request from {@code peer} carrying these {@code X-Forwarded-For} header
     * values (in the order received). A peer that is not an IP literal (a Unix socket) is the
     * loopback address: there is no other to tell its clients apart by.
     */
    static InetAddress resolve(String peer, List<String> forwardedFor, TrustedProxies proxies) {
        InetAddress client = TrustedProxies.literal(peer).orElse(LOOPBACK);
        if (!proxies.trusts(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",", -1)) {
                hops.add(entry.strip());
            }
        }
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            Optional<InetAddress> hop = address(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!proxies.trusts(client)) {
                return client;
            }
        }
        return client;
    }

    /** One entry of the header as an address: bare, bracketed IPv6, or either with a port. */
    static Optional<InetAddress> address(String entry) {
        String text = entry;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || !(close == text.length() - 1 || port(text.substring(close + 1)))) {
                return Optional.empty();
            }
            text = text.substring(1, close);
            return text.indexOf(':') < 0 ? Optional.empty() : TrustedProxies.literal(text);
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && colon == text.lastIndexOf(':')) {
            // one colon: IPv4 with a port (an IPv6 address has at least two)
            if (!port(text.substring(colon))) {
                return Optional.empty();
            }
            text = text.substring(0, colon);
            return text.indexOf('.') < 0 ? Optional.empty() : TrustedProxies.literal(text);
        }
        return TrustedProxies.literal(text);
    }

    private static boolean port(String text) {
        return text.matches(":[0-9]{1,5}");
    }
}

package dev.salesbot.sync.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code TRUSTED_PROXIES}: the proxies whose {@code X-Forwarded-For} is believed, as IP addresses
 * and CIDR ranges, IPv4 or IPv6, separated by commas. Unset or blank trusts nobody.
 *
 * <p>Only literals are read, strictly, and never through DNS: IPv4 as four decimal numbers
 * ({@code 10.1} or {@code 012.0.0.1} are refused, not guessed at), IPv6 without a zone, an
 * IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) as the IPv4 address it is. A range with bits
 * set after its prefix ({@code 10.0.0.1/8}) is refused too: it is usually a typo for a narrower or a
 * wider range, and an operator must say which.
 */
public final class TrustedProxies {

    public static final String SETTING = "TRUSTED_PROXIES";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,3}");
    private static final TrustedProxies NOBODY = new TrustedProxies(List.of());

    /** An address and how many of its leading bits a member shares with it. */
    record Range(InetAddress network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            byte[] n = network.getAddress();
            if (a.length != n.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit += 8) {
                int mask = bit + 8 <= prefix ? 0xff : (0xff << (8 - (prefix - bit))) & 0xff;
                if (((a[bit / 8] ^ n[bit / 8]) & mask) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies nobody() {
        return NOBODY;
    }

    /** The setting's value read, or an {@link IllegalArgumentException} whose message names the entry that is not an address or range. */
    public static TrustedProxies parse(Optional<String> setting) {
        String value = setting.map(String::strip).orElse("");
        if (value.isEmpty()) {
            return NOBODY;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            ranges.add(range(entry.strip()));
        }
        return new TrustedProxies(ranges);
    }

    /** Empty when the setting reads, else what is wrong with it (for the start-up check). */
    public static Optional<String> problem(Optional<String> setting) {
        try {
            parse(setting);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public boolean trusts(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    public boolean trustsNobody() {
        return ranges.isEmpty();
    }

    /**
     * {@code text} as an IP address if it is a literal this class accepts (see the class notes),
     * else empty. Never a DNS lookup.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !(IPV6.matcher(text).matches() && text.indexOf(':') >= 0)) {
            return Optional.empty();
        }
        try {
            // A literal of only digits, dots and colons: InetAddress parses it and never resolves a name.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress network = literal(address).orElseThrow(() -> wrong(entry, "not an IP address"));
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new Range(network, bits);
        }
        String digits = entry.substring(slash + 1);
        if (!PREFIX.matcher(digits).matches()) {
            throw wrong(entry, "the prefix length is not a number");
        }
        int prefix = Integer.parseInt(digits);
        if (network instanceof Inet4Address && address.indexOf(':') >= 0) {
            // ::ffff:a.b.c.d/n: Java reads the mapped address as IPv4, so the prefix counts from bit 96.
            if (prefix < 96) {
                throw wrong(entry, "an IPv4-mapped range needs a prefix of 96 to 128; write it as an IPv4 range");
            }
            prefix -= 96;
        }
        if (prefix > bits) {
            throw wrong(entry, "the prefix length is over " + bits);
        }
        for (int bit = prefix; bit < bits; bit++) {
            if ((network.getAddress()[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                throw wrong(entry, "bits are set after the prefix (the range's first address ends in zeros)");
            }
        }
        return new Range(network, prefix);
    }

    private static IllegalArgumentException wrong(String entry, String why) {
        String shown = entry.length() > 60 ? entry.substring(0, 60) + "…" : entry;
        return new IllegalArgumentException(SETTING + " is malformed: \"" + shown + "\" is not an IP address or CIDR range ("
                + why + "). Write comma-separated addresses or ranges, such as 10.0.0.0/8, 192.0.2.7, fd00::/8.");
    }
}

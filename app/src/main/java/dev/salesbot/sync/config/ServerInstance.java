package dev.salesbot.sync.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * This server among the several that may share one database: its name ({@code INSTANCE_NAME},
 * default the host name) and, per start, the holder id of its sync leases. The name travels in the
 * {@code User-Agent} of the calls to Shopify and Meta, so a platform's logs (and the sandbox's
 * record of who called) say which server made a call; the holder id adds a random part, so a
 * restarted server never owns the leases its earlier process left.
 */
@ApplicationScoped
public class ServerInstance {

    /** Letters, digits, dot, dash, underscore: safe in a header and a log line; short enough for {@code SYNC_LEASE.HOLDER}. */
    static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,26}$");

    private final String name;
    private final String holder;

    /** For CDI's proxy. */
    protected ServerInstance() {
        this.name = null;
        this.holder = null;
    }

    @Inject
    public ServerInstance(@ConfigProperty(name = "INSTANCE_NAME") Optional<String> configured) {
        this(Settings.present(configured).orElseGet(ServerInstance::hostName));
    }

    private ServerInstance(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new RequiredSetting("INSTANCE_NAME", "1 to 27 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        this.name = name;
        this.holder = name + "/" + UUID.randomUUID();
    }

    /** An instance named {@code name} (tests, tools). */
    public static ServerInstance named(String name) {
        return new ServerInstance(name);
    }

    public String name() {
        return name;
    }

    /** This process's id in {@code SYNC_LEASE}: the name, then a random part new at every start. */
    public String holder() {
        return holder;
    }

    /** What the platforms' logs (and the sandbox) see: {@code salesbot-sync (<name>)}. */
    public String userAgent() {
        return "salesbot-sync (" + name + ")";
    }

    /** The host's name cut to a valid instance name, or {@code server} when it has none. */
    static String hostName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "";
        }
        String cleaned = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        cleaned = cleaned.length() > 27 ? cleaned.substring(0, 27) : cleaned;
        return cleaned.isEmpty() ? "server" : cleaned;
    }
}

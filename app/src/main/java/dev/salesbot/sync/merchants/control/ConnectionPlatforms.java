package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.merchants.entity.MerchantConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The {@link ConnectionPlatform} of a connection. */
@ApplicationScoped
public class ConnectionPlatforms {

    @Inject
    @Any
    Instance<ConnectionPlatform> platforms;

    /** Every platform, by name. */
    public java.util.List<ConnectionPlatform> all() {
        return platforms.stream().sorted(java.util.Comparator.comparing(p -> p.description().name())).toList();
    }

    public ConnectionPlatform of(MerchantConnection connection) {
        for (ConnectionPlatform platform : platforms) {
            if (platform.owns(connection)) {
                return platform;
            }
        }
        throw new IllegalStateException("No platform owns the connection " + connection.id());
    }
}

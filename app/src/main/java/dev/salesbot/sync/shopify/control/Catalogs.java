package dev.salesbot.sync.shopify.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry point of the catalog fetch: builds each shop's Admin API client from configuration and
 * keeps one {@link ThrottlePacer} per shop for the life of the application, because Shopify's
 * bucket outlives any single fetch.
 */
@ApplicationScoped
public class Catalogs {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    // Generous: a 1,000-point page of a large shop can take several seconds to compute.
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    ShopifyApp app;

    private final Map<String, ThrottlePacer> pacers = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final Sleeper sleeper = Sleeper.system();

    /** The access for a validated shop and its token, at the shop's configured base URL. */
    public ShopAccess access(ShopDomain shop, String accessToken) {
        return new ShopAccess(shop.value(), app.baseUri(shop), accessToken);
    }

    /**
     * The full catalog document (see {@link CatalogFetch#all(boolean)}); the legal policies only when
     * {@code grantedScope} covers {@code read_legal_policies}.
     */
    public JsonObject fetchAll(ShopAccess access, String grantedScope) {
        boolean policies = AccessScopes.covers(AccessScopes.parse(grantedScope), "read_legal_policies");
        try (AdminTransport transport = open(access)) {
            return fetch(access, transport).all(policies);
        }
    }

    private AdminTransport open(ShopAccess access) {
        return new RestAdminTransport(access, app.apiVersion(), CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    private CatalogFetch fetch(ShopAccess access, AdminTransport transport) {
        ThrottlePacer pacer = pacers.computeIfAbsent(access.shop(), shop -> new ThrottlePacer(clock, sleeper));
        PacedAdmin admin = new PacedAdmin(access.shop(), transport, pacer, RetryPolicy.standard(), sleeper, clock);
        return new CatalogFetch(access.shop(), admin);
    }
}

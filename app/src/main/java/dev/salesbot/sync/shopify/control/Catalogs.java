package dev.salesbot.sync.shopify.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry point to a shop's Admin API: builds the shop's client from configuration and keeps one
 * {@link ThrottlePacer} per shop for the life of the application, because Shopify's bucket
 * outlives any single fetch.
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

    /** A session on the shop's Admin API, paced by the shop's bucket; close it when done. */
    public AdminSession open(ShopAccess access) {
        AdminTransport transport = new RestAdminTransport(access, app.apiVersion(), CONNECT_TIMEOUT, READ_TIMEOUT);
        ThrottlePacer pacer = pacers.computeIfAbsent(access.shop(), shop -> new ThrottlePacer(clock, sleeper));
        return new AdminSession(access.shop(), transport, new PacedAdmin(access.shop(), transport, pacer, RetryPolicy.standard(), sleeper, clock));
    }

    /** Whether a grant covers the store's legal policies (they are read only then). */
    public static boolean policiesGranted(String grantedScope) {
        return AccessScopes.covers(AccessScopes.parse(grantedScope), "read_legal_policies");
    }
}

package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.config.ServerInstance;
import dev.salesbot.sync.config.UserAgentFilter;
import dev.salesbot.sync.queue.control.Sleeper;
import dev.salesbot.sync.shopify.entity.ShopAccess;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.buckets.ShopBuckets;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Entry point to a shop's Admin API: one Jakarta REST client for every shop, and one
 * {@link ThrottlePacer} per shop for the life of the application, because Shopify's bucket
 * outlives any single fetch.
 */
@ApplicationScoped
public class GraphqlSessions {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    // Generous: a 1,000-point page of a large shop can take several seconds to compute.
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    ShopifyApp app;

    @Inject
    ServerInstance instance;

    @Inject
    dev.salesbot.sync.monitoring.control.Meters meters;

    @Inject
    ShopBuckets buckets;

    @Inject
    AnsweredVersions versions;

    private final Map<String, ThrottlePacer> pacers = new ConcurrentHashMap<>();
    private volatile Client client;
    private final Clock clock = Clock.systemUTC();
    private final Sleeper sleeper = Sleeper.system(ShopifyUnavailableException::interrupted);

    /** The access for a validated shop and its token, at the shop's configured base URL. */
    public ShopAccess access(ShopDomain shop, String accessToken) {
        return new ShopAccess(shop.value(), app.baseUri(shop), accessToken);
    }

    /**
     * A session for a sync that holds the shop's lease, paced by the shop's bucket as every server
     * last saw it; close it when done.
     */
    public GraphqlSession openInLease(ShopAccess access) {
        return open(access, false);
    }

    /**
     * A session for calls made outside any sync lease (a callback's live read, a console action):
     * they leave the lease holder its reserve of the bucket, whichever server holds it.
     */
    public GraphqlSession open(ShopAccess access) {
        return open(access, true);
    }

    private GraphqlSession open(ShopAccess access, boolean outsideLease) {
        GraphqlTransport transport = new MeteredTransport(new HttpGraphqlTransport(access, app.apiVersion(), client(), versions), meters);
        ThrottlePacer pacer = pacers.computeIfAbsent(access.shop(), shop -> new ThrottlePacer(clock, sleeper));
        return new GraphqlSession(transport, new PacedGraphql(access.shop(), transport, pacer, RetryPolicy.standard(), sleeper, clock,
                buckets, outsideLease));
    }

    /** The one client of every shop's Admin API calls: thread-safe, its runtime built once. */
    private Client client() {
        Client current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = ClientBuilder.newBuilder()
                            .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .register(new UserAgentFilter(instance))
                            .build();
                }
                current = client;
            }
        }
        return current;
    }

    @PreDestroy
    void closeClient() {
        Client current = client;
        if (current != null) {
            current.close();
        }
    }
}

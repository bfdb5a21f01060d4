package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.Sleeper;
import dev.salesbot.sync.queue.control.SyncAbandoned;
import dev.salesbot.sync.queue.control.SyncHandler;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncProgresses;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.queue.control.SyncTask;
import dev.salesbot.sync.queue.leases.Fence;
import dev.salesbot.sync.shopify.bulk.BulkCatalogFetch;
import dev.salesbot.sync.shopify.bulk.BulkOperationRows;
import dev.salesbot.sync.shopify.bulk.BulkQueriesRefused;
import dev.salesbot.sync.shopify.bulk.BulkResults;
import dev.salesbot.sync.shopify.bulk.HttpBulkDownloads;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.catalog.CatalogSpool;
import dev.salesbot.sync.storage.control.SpooledJson;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.GraphqlSession;
import dev.salesbot.sync.shopify.graphql.GraphqlSessions;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.shopify.oauth.ShopifyTokens;
import dev.salesbot.sync.shopify.webhooks.WebhookRegistrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.salesbot.sync.merchants.control.PlatformNotices;
import dev.salesbot.sync.monitoring.control.Meters;

import java.time.Clock;
import java.time.Duration;

/**
 * The full store sync (connect, poll): bring the webhook subscriptions to what is wanted, fetch
 * the whole catalog, write both objects ({@link StoreSnapshots}) where they changed. The keys are
 * the store's own merchant's, read from its connection. Failures are classified by
 * {@link ShopifyFailures}; a webhook subscription Shopify refuses is recorded on the connection and
 * does not stop the snapshot.
 */
@ApplicationScoped
public class StoreSyncHandler implements SyncHandler {

    private static final System.Logger LOGGER = System.getLogger(StoreSyncHandler.class.getName());

    @Inject
    StoreConnections connections;

    @Inject
    ShopifyTokens tokens;

    @Inject
    GraphqlSessions sessions;

    @Inject
    WebhookRegistrations webhooks;

    @Inject
    StoreSnapshots snapshots;

    @Inject
    ShopifyFailures failures;

    @Inject
    SyncProgresses progress;

    @Inject
    BulkOperationRows bulkRows;

    @Inject
    PlatformNotices notices;

    @Inject
    Meters meters;

    /** After Shopify refused the app's bulk queries, how long large stores are paged before bulk is tried again. */
    @Inject
    @ConfigProperty(name = "BULK_RETRY_MINUTES", defaultValue = "360")
    long bulkRetryMinutes;

    /** Above this many products a full sync reads the catalog through bulk operations. */
    @Inject
    @ConfigProperty(name = "BULK_THRESHOLD_PRODUCTS", defaultValue = "250")
    long bulkThreshold;

    /** How long an attempt that started bulk operations waits for them in its worker slot before the sync is parked. */
    @Inject
    @ConfigProperty(name = "BULK_WAIT_SECONDS", defaultValue = "5")
    int bulkWaitSeconds;

    /** Where bulk result files may be fetched from (Shopify's storage; the sandbox's in the run command and tests). */
    @Inject
    @ConfigProperty(name = "BULK_RESULT_ADDRESSES", defaultValue = BulkResults.SHOPIFY)
    String bulkResultAddresses;

    @Inject
    @ConfigProperty(name = "BULK_RESULT_MAX_BYTES", defaultValue = "2147483648")
    long bulkResultMaxBytes;

    @Inject
    @ConfigProperty(name = "BULK_RESULT_MAX_LINE_BYTES", defaultValue = "8388608")
    int bulkResultMaxLineBytes;

    private volatile BulkCatalogFetch.Downloads downloads;

    /**
     * The downloads of {@code BULK_RESULT_*}. Malformed settings fetch nothing (fail closed, every
     * part paged) and say why in the log at each sync.
     */
    private BulkCatalogFetch.Downloads downloads() {
        BulkCatalogFetch.Downloads made = downloads;
        if (made == null) {
            try {
                made = new HttpBulkDownloads(BulkResults.parse(bulkResultAddresses, bulkResultMaxBytes, bulkResultMaxLineBytes));
                downloads = made;
            } catch (IllegalArgumentException e) {
                LOGGER.log(System.Logger.Level.ERROR, e.getMessage() + ": no bulk result is fetched; large stores are paged.");
                return HttpBulkDownloads.refusing(e.getMessage());
            }
        }
        return made;
    }

    /** How a large store's catalog was read while Shopify refuses the app's bulk queries. */
    static final String PAGED_WITHOUT_BULK = "by paging (bulk queries are not enabled for this app)";

    @Override
    public SyncKind kind() {
        return SyncKind.SHOPIFY_FULL;
    }

    @Override
    public SyncResult run(SyncTask task) {
        ShopDomain shop = new ShopDomain(task.target());
        try {
            SyncResult result = full(shop, activeConnection(connections, shop), task.fence());
            if (dev.salesbot.sync.poll.control.PollSlots.polled(task)) {
                // The seed's lines for the daily poll.
                LOGGER.log(System.Logger.Level.INFO, result.written() ? "Polled and uploaded data for {0}: Success"
                        : "Polled data for shop {0}: Success", shop);
            }
            return result;
        } catch (RuntimeException e) {
            throw failures.classify(shop, e);
        }
    }

    /**
     * The whole sync of an active store: webhooks checked, catalog fetched, objects written. A
     * store of more than {@code BULK_THRESHOLD_PRODUCTS} products (one {@code productsCount} read
     * first), or one whose bulk operations an earlier attempt started, is read through bulk
     * operations ({@link BulkCatalogFetch}); a smaller one by paging. Both give the same bytes.
     * While Shopify refuses the app's bulk queries ({@link BulkQueriesRefused}) a large store is
     * paged too, the operators are told ({@link PlatformNotices}), and bulk is tried again after
     * {@code BULK_RETRY_MINUTES}.
     */
    SyncResult full(ShopDomain shop, ShopifyConnection connection, Fence fence) {
        String how = null;
        BulkCatalogFetch bulk = null;
        try (CatalogSpool spool = new CatalogSpool()) {
            try (GraphqlSession session = sessions.openInLease(sessions.access(shop, tokens.accessToken(shop)))) {
                WebhookRegistrations.State state = webhooks.ensure(shop, session.graphql());
                connections.recordWebhooks(shop.value(), state.topics(), state.problem());
                boolean policies = CatalogFetch.policiesGranted(connection.scope());
                CatalogFetch catalog = new CatalogFetch(shop.value(), session.graphql());
                boolean large = catalog.productsCount() > bulkThreshold;
                if (!bulkRows.of(shop.value()).isEmpty() || large && !notices.holds(PlatformNotices.SHOPIFY_BULK_QUERIES)) {
                    bulk = new BulkCatalogFetch(shop.value(), session.graphql(), catalog, bulkRows, downloads(),
                            BulkCatalogFetch.Settings.defaults(Duration.ofSeconds(Math.max(0, bulkWaitSeconds))),
                            Sleeper.system(ShopifyUnavailableException::interrupted), Clock.systemUTC());
                    try {
                        how = bulk.all(policies, progress.reporter(shop.value()), spool);
                        notices.clear(PlatformNotices.SHOPIFY_BULK_QUERIES);
                        meters.bulkQueriesEnabled(true);
                    } catch (BulkQueriesRefused e) {
                        // Not the store's fault, and reconnecting cannot fix it: page now, tell the operators, try bulk again later.
                        LOGGER.log(System.Logger.Level.WARNING, e.getMessage());
                        notices.raise(PlatformNotices.SHOPIFY_BULK_QUERIES, BulkQueriesRefused.WHAT_TO_DO, Duration.ofMinutes(bulkRetryMinutes));
                        meters.bulkQueriesRefused();
                        bulk.done(); // operations of an earlier attempt, if any: the paged snapshot replaces them
                        bulk = null;
                        spool.products().restart();
                        spool.collections().restart();
                        spool.discounts().restart();
                        catalog.all(policies, progress.reporter(shop.value()), spool);
                        how = PAGED_WITHOUT_BULK;
                    }
                } else {
                    catalog.all(policies, progress.reporter(shop.value()), spool);
                    how = large ? PAGED_WITHOUT_BULK : null;
                }
            }
            SyncResult result;
            try (SpooledJson document = spool.document()) {
                result = snapshots.write(fence, shop, connection.merchantId(), document, "Uploaded data to " + snapshots.where(), null, how);
            }
            if (bulk != null) {
                bulk.done();
            }
            return result;
        }
    }

    /**
     * Whether a full sync of a store of {@code products} products goes through bulk operations
     * (not while Shopify refuses the app's bulk queries).
     */
    public boolean readsInBulk(long products) {
        return products > bulkThreshold && !notices.holds(PlatformNotices.SHOPIFY_BULK_QUERIES);
    }

    static ShopifyConnection activeConnection(StoreConnections connections, ShopDomain shop) {
        ShopifyConnection connection = connections.findShop(shop.value())
                .orElseThrow(() -> new SyncAbandoned("The store " + shop + " is not connected (any more)."));
        if (!connection.active()) {
            throw new SyncAbandoned("The store " + shop + " is not synced: " + connection.statusReason());
        }
        return connection;
    }
}

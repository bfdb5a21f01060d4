package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sync.shopify.bulk.BulkPart;
import dev.salesbot.sync.shopify.catalog.CatalogQueries;
import dev.salesbot.sync.shopify.graphql.GraphqlQuery;
import dev.salesbot.sync.shopify.webhooks.WebhookQueries;

/**
 * What a full sync through bulk operations ({@link StoreSyncHandler#full}) requests from a store's
 * Admin API bucket, estimated once, here: what a change set read by id is weighed against
 * ({@link StoreChangesHandler}). Requested costs, as Shopify checks them against the bucket (and as
 * {@code CatalogQueries.byIdCost} counts the other side).
 *
 * <p>The first attempt checks the webhook subscriptions (102), reads {@code productsCount} (1),
 * starts five bulk queries (10 each), asks each operation three times while it waits in its slot
 * (at 0, 1 and 3 s of {@code BULK_WAIT_SECONDS}' 5; 1 each) and reads the shop with its policies
 * (2 + 2): 172. Each resumed attempt checks the subscriptions and {@code productsCount} again and
 * asks each operation once: 108. A run of about two minutes (10,000 products take 95 s at the
 * sandbox's documented pace) is looked at after 10, 20, 40, 70 and 100 s and resumed once more by
 * its finish webhook: six resumes. About 820 points in all: 14 products read by id cost 798, 15
 * cost 855.
 */
final class BulkSyncCost {

    /** Status polls of each operation while the attempt that started it waits in its slot. */
    static final int POLLS_IN_SLOT = 3;
    /** Resumed attempts of a run of about two minutes, the finish webhook's included. */
    static final int RESUMES = 6;

    static final int FIRST_ATTEMPT = WebhookQueries.WEBHOOKS_COST + CatalogQueries.PRODUCTS_COUNT_COST
            + BulkPart.values().length * (GraphqlQuery.MUTATION_COST + POLLS_IN_SLOT * CatalogQueries.BULK_STATUS_COST)
            + CatalogQueries.SHOP_COST + CatalogQueries.SHOP_POLICIES_COST;

    static final int RESUMED_ATTEMPT = WebhookQueries.WEBHOOKS_COST + CatalogQueries.PRODUCTS_COUNT_COST
            + BulkPart.values().length * CatalogQueries.BULK_STATUS_COST;

    /** The estimate. */
    static final int POINTS = FIRST_ATTEMPT + RESUMES * RESUMED_ATTEMPT;

    private BulkSyncCost() {
    }
}

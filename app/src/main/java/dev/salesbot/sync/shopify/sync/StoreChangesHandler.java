package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.SyncHandler;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.queue.control.SyncTask;
import dev.salesbot.sync.shopify.bulk.BulkOperationRows;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.catalog.CatalogQueries;
import dev.salesbot.sync.shopify.catalog.NodeFetch;
import dev.salesbot.sync.shopify.catalog.SnapshotPatch;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.GraphqlSession;
import dev.salesbot.sync.shopify.graphql.GraphqlSessions;
import dev.salesbot.sync.shopify.oauth.ShopifyTokens;
import dev.salesbot.sync.shopify.webhooks.ChangeSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * {@link SyncKind#SHOPIFY_CHANGES}: the changes webhooks announced for one store, coalesced, fetched
 * by id and patched into the stored snapshot, which is then written once. Only what changed is
 * read: products by id ({@code nodes(ids:)}, in cost-sized batches, each id once), the products of
 * changed inventory items, collections and discounts by id; what Shopify no longer knows is
 * removed, and a deleted product's collections and discounts are read again too (it left them).
 * The order deliveries arrived in does not matter: everything is read as it is now. With no
 * stored snapshot to patch, the store is synced in full instead; so is a large store (one read in
 * bulk) when reading the changes by id would request more points than a full sync through bulk
 * operations ({@link BulkSyncCost}: an import of thousands of products), and a store whose bulk
 * operations are on record (a full sync parked, perhaps begun by earlier changes, goes on).
 */
@ApplicationScoped
public class StoreChangesHandler implements SyncHandler {

    private static final System.Logger LOGGER = System.getLogger(StoreChangesHandler.class.getName());

    @Inject
    StoreConnections connections;

    @Inject
    ShopifyTokens tokens;

    @Inject
    GraphqlSessions sessions;

    @Inject
    StoreSnapshots snapshots;

    @Inject
    StoreSyncHandler full;

    @Inject
    ShopifyFailures failures;

    @Inject
    BulkOperationRows bulkRows;

    @Override
    public SyncKind kind() {
        return SyncKind.SHOPIFY_CHANGES;
    }

    @Override
    public SyncResult run(SyncTask task) {
        ShopDomain shop = new ShopDomain(task.target());
        try {
            ShopifyConnection connection = StoreSyncHandler.activeConnection(connections, shop);
            ChangeSet changes = ChangeSet.of(task.payloads());
            if (!bulkRows.of(shop.value()).isEmpty()) {
                // A full sync these changes (or earlier ones) began was parked: it goes on, from its operations.
                LOGGER.log(System.Logger.Level.INFO, "Bulk operations of {0} are on record: its changes continue that full sync", shop);
                return full.full(shop, connection, task.fence());
            }
            Optional<JsonObject> stored = snapshots.read(connection.merchantId());
            if (stored.isEmpty()) {
                LOGGER.log(System.Logger.Level.INFO, "No stored snapshot of {0} to patch: syncing it in full", shop);
                return full.full(shop, connection, task.fence());
            }
            JsonObject patched = null;
            Optional<String> inFull;
            try (GraphqlSession session = sessions.openInLease(sessions.access(shop, tokens.accessToken(shop)))) {
                CatalogFetch fetch = new CatalogFetch(shop.value(), session.graphql());
                inFull = readInFull(shop, changes, fetch::productsCount, full::readsInBulk);
                if (inFull.isEmpty()) {
                    patched = patch(SnapshotPatch.of(stored.get()), changes, fetch, CatalogFetch.policiesGranted(connection.scope()));
                }
            }
            if (inFull.isPresent()) {
                LOGGER.log(System.Logger.Level.INFO, inFull.get());
                return full.full(shop, connection, task.fence());
            }
            return snapshots.write(task.fence(), shop, connection.merchantId(), patched,
                    "Updated data in " + snapshots.where(), String.join(", ", changes.topics()));
        } catch (RuntimeException e) {
            throw failures.classify(shop, e);
        }
    }

    /**
     * Why {@code changes} are better read by a full sync through bulk operations, or empty: reading
     * them by id would request more points ({@code CatalogQueries.byIdCost}) than that full sync
     * ({@link BulkSyncCost}), and the store is large enough to be read in bulk ({@code readsInBulk},
     * asked with one {@code productsCount} read, only then).
     */
    static Optional<String> readInFull(ShopDomain shop, ChangeSet changes, LongSupplier productsCount, LongPredicate readsInBulk) {
        long byId = CatalogQueries.byIdCost(changes.products().size(), changes.inventoryItems().size(), changes.collections().size(),
                changes.discounts().size(), changes.shop());
        if (byId <= BulkSyncCost.POINTS) {
            return Optional.empty();
        }
        long products = productsCount.getAsLong();
        if (!readsInBulk.test(products)) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "Changes of %s (%,d products, %,d inventory items, %,d collections,"
                        + " %,d discounts) would request about %,d points read by id, more than a full sync through bulk operations"
                        + " (about %,d): syncing its %,d products in full instead", shop, changes.products().size(),
                changes.inventoryItems().size(), changes.collections().size(), changes.discounts().size(), byId, BulkSyncCost.POINTS,
                products));
    }

    static JsonObject patch(SnapshotPatch patch, ChangeSet changes, CatalogFetch fetch, boolean policies) {
        Set<String> products = new LinkedHashSet<>(changes.products());
        if (!changes.inventoryItems().isEmpty()) {
            products.addAll(fetch.productsOfInventoryItems(changes.inventoryItems()));
        }
        products.removeAll(changes.deletedProducts());
        NodeFetch fetched = fetch.products(List.copyOf(products));
        patch.putProducts(fetched.found());
        List<String> deleted = new ArrayList<>(changes.deletedProducts());
        deleted.addAll(fetched.missingIds());
        Set<String> collections = new LinkedHashSet<>(changes.collections());
        Set<String> discounts = new LinkedHashSet<>(changes.discounts());
        if (!deleted.isEmpty()) {
            collections.addAll(patch.collectionsHolding(deleted));
            discounts.addAll(patch.discountsNaming(deleted));
            patch.removeProducts(deleted);
        }
        collections.removeAll(changes.deletedCollections());
        NodeFetch fetchedCollections = fetch.collections(List.copyOf(collections));
        patch.putCollections(fetchedCollections.found());
        patch.removeCollections(changes.deletedCollections());
        patch.removeCollections(fetchedCollections.missingIds());
        discounts.removeAll(changes.deletedDiscounts());
        for (String discount : discounts) {
            fetch.codeDiscount(discount).ifPresentOrElse(patch::putDiscount, () -> patch.removeDiscounts(List.of(discount)));
        }
        patch.removeDiscounts(changes.deletedDiscounts());
        if (changes.shop()) {
            patch.shop(fetch.shop(policies));
        }
        return patch.document();
    }
}

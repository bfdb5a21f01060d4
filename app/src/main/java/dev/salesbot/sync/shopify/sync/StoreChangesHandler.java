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
import dev.salesbot.sync.shopify.catalog.StreamedPatch;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.GraphqlSession;
import dev.salesbot.sync.shopify.graphql.GraphqlSessions;
import dev.salesbot.sync.shopify.oauth.ShopifyTokens;
import dev.salesbot.sync.shopify.webhooks.ChangeSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.salesbot.sync.storage.control.SpooledJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The order deliveries arrived in does not matter: everything is read as it is now. The stored
 * snapshot is downloaded to a spool file and streamed through the patch ({@link StreamedPatch}):
 * a 100,000-product store costs the heap of its changes, not of its catalog. With no stored
 * snapshot to patch, the store is synced in full instead; so is a large store (one read in
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
            Optional<SpooledJson> stored = snapshots.download(connection.merchantId());
            if (stored.isEmpty()) {
                LOGGER.log(System.Logger.Level.INFO, "No stored snapshot of {0} to patch: syncing it in full", shop);
                return full.full(shop, connection, task.fence());
            }
            try (SpooledJson storedDocument = stored.get()) {
                SpooledJson patched = null;
                Optional<String> inFull;
                try (GraphqlSession session = sessions.openInLease(sessions.access(shop, tokens.accessToken(shop)))) {
                    CatalogFetch fetch = new CatalogFetch(shop.value(), session.graphql());
                    inFull = readInFull(shop, changes, fetch::productsCount, full::readsInBulk, session.graphql()::restoreRate);
                    if (inFull.isEmpty()) {
                        patched = patch(storedDocument::open, changes, fetch, CatalogFetch.policiesGranted(connection.scope()));
                    }
                }
                if (inFull.isPresent()) {
                    LOGGER.log(System.Logger.Level.INFO, inFull.get());
                    return full.full(shop, connection, task.fence());
                }
                try (SpooledJson written = patched) {
                    return snapshots.write(task.fence(), shop, connection.merchantId(), written,
                            "Updated data in " + snapshots.where(), String.join(", ", changes.topics()), null);
                }
            }
        } catch (RuntimeException e) {
            throw failures.classify(shop, e);
        }
    }

    /**
     * Why {@code changes} are better read by a full sync through bulk operations, or empty. Both must
     * hold: reading them by id would request more points ({@code CatalogQueries.byIdCost}) than that
     * full sync ({@link BulkSyncCost}), and would take longer than a bulk run of the whole store —
     * a read by id is paced by its actual cost, about {@value #ACTUAL_POINTS_PER_NODE} points a node
     * (measured: 18,242 for 1,000 products, {@code bench/README.md}), restored at the store's rate
     * ({@code restoreRate}, 100/s until Shopify has said), while a bulk run takes Shopify's processing
     * of about {@value #BULK_OBJECTS_PER_PRODUCT} objects a product at 1,000 objects/s (the sandbox's
     * assumption: Shopify publishes no pace). So 1,000 stock changes on a 10,000-product store are read
     * by id (18 s on Shopify Plus, 180 s on the standard plan against a 97 s bulk run: then in bulk),
     * an import of 50,000 products never. The store's size is asked ({@code productsCount}, one read)
     * only when the points say bulk.
     */
    static Optional<String> readInFull(ShopDomain shop, ChangeSet changes, LongSupplier productsCount, LongPredicate readsInBulk,
                                       java.util.function.DoubleSupplier restoreRate) {
        long byId = CatalogQueries.byIdCost(changes.products().size(), changes.inventoryItems().size(), changes.collections().size(),
                changes.discounts().size(), changes.shop());
        if (byId <= BulkSyncCost.POINTS) {
            return Optional.empty();
        }
        long products = productsCount.getAsLong();
        if (!readsInBulk.test(products)) {
            return Optional.empty();
        }
        long nodes = changes.products().size() + changes.inventoryItems().size() + changes.collections().size() + changes.discounts().size();
        double rate = restoreRate.getAsDouble() > 0 ? restoreRate.getAsDouble() : STANDARD_RESTORE_RATE;
        double byIdSeconds = nodes * ACTUAL_POINTS_PER_NODE / rate;
        double bulkSeconds = 2 + products * BULK_OBJECTS_PER_PRODUCT / 1_000.0;
        if (byIdSeconds <= bulkSeconds) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "Changes of %s (%,d products, %,d inventory items, %,d collections,"
                        + " %,d discounts) would request about %,d points read by id, more than a full sync through bulk operations"
                        + " (about %,d), and take about %,.0f s against %,.0f s: syncing its %,d products in full instead", shop,
                changes.products().size(), changes.inventoryItems().size(), changes.collections().size(), changes.discounts().size(),
                byId, BulkSyncCost.POINTS, byIdSeconds, bulkSeconds, products));
    }

    static final int ACTUAL_POINTS_PER_NODE = 18;
    static final double BULK_OBJECTS_PER_PRODUCT = 9.5;
    static final double STANDARD_RESTORE_RATE = 100;

    /**
     * The stored document patched with what {@code changes} announced, fetched by id, spooled: the
     * stored document is streamed through a {@link StreamedPatch}, so memory follows the change, not
     * the store. The caller closes the result.
     */
    static SpooledJson patch(StreamedPatch.Source stored, ChangeSet changes, CatalogFetch fetch, boolean policies) {
        StreamedPatch patch = new StreamedPatch();
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
            StreamedPatch.Scan left;
            try (InputStream in = stored.open()) {
                left = StreamedPatch.scan(in, deleted);
            } catch (IOException e) {
                throw new UncheckedIOException("the stored snapshot could not be read", e);
            }
            collections.addAll(left.collectionsHolding());
            discounts.addAll(left.discountsNaming());
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
        try (SpooledJson.Writer out = SpooledJson.writer()) {
            patch.writeTo(stored, out);
            return out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("the patched snapshot could not be spooled", e);
        }
    }
}

package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.SyncHandler;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.queue.control.SyncTask;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
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

/**
 * {@link SyncKind#SHOPIFY_CHANGES}: the changes webhooks announced for one store, coalesced, fetched
 * by id and patched into the stored snapshot, which is then written once. Only what changed is
 * read: products by id ({@code nodes(ids:)}, in cost-sized batches, each id once), the products of
 * changed inventory items, collections and discounts by id; what Shopify no longer knows is
 * removed, and a deleted product's collections and discounts are read again too (it left them).
 * The order deliveries arrived in does not matter: everything is read as it is now. The stored
 * snapshot is downloaded to a spool file and streamed through the patch ({@link StreamedPatch}):
 * a 100,000-product store costs the heap of its changes, not of its catalog. With no stored
 * snapshot to patch, the store is synced in full instead.
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
            Optional<SpooledJson> stored = snapshots.download(connection.merchantId());
            if (stored.isEmpty()) {
                LOGGER.log(System.Logger.Level.INFO, "No stored snapshot of {0} to patch: syncing it in full", shop);
                return full.full(shop, connection, task.fence());
            }
            try (SpooledJson storedDocument = stored.get()) {
                SpooledJson patched;
                try (GraphqlSession session = sessions.openInLease(sessions.access(shop, tokens.accessToken(shop)))) {
                    patched = patch(storedDocument::open, changes, new CatalogFetch(shop.value(), session.graphql()),
                            CatalogFetch.policiesGranted(connection.scope()));
                }
                try (patched) {
                    return snapshots.write(task.fence(), shop, connection.merchantId(), patched,
                            "Updated data in " + snapshots.where(), String.join(", ", changes.topics()), null);
                }
            }
        } catch (RuntimeException e) {
            throw failures.classify(shop, e);
        }
    }

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

package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sandbox.shopify.admin.InProcessShopify.Exchange;
import dev.salesbot.sandbox.shopify.admin.InProcessShopify;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.catalog.CatalogFetchTest;
import dev.salesbot.sync.shopify.catalog.CatalogQueries;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.catalog.SnapshotPatch;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.shopify.webhooks.ChangeSet;
import dev.salesbot.sync.shopify.webhooks.WebhookTopic;
import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.testing.FakeClock;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partial sync patches only what webhooks announced, and the patched snapshot is byte for byte
 * the one a full fetch of the store writes: what the daily poll then finds unchanged.
 */
public class StoreChangesHandlerTest {

    public static final String STORE = "acme-snow.myshopify.com";
    static final ShopDomain SHOP = new ShopDomain(STORE);
    /** Above BULK_THRESHOLD_PRODUCTS, whose default is {@value #THRESHOLD}. */
    static final long LARGE = 12_000;
    static final long THRESHOLD = 250;
    static final double UNLIMITED = 1e12;

    final FakeClock clock = new FakeClock();
    InProcessShopify store;
    CatalogFetch fetch;
    JsonObject stored;

    @BeforeEach
    void storeAndItsSnapshot() {
        store = new InProcessShopify(STORE, 80, UNLIMITED, UNLIMITED, clock, ShopifyApp.DEFAULT_SCOPES);
        fetch = CatalogFetchTest.fetchFor(store::post, clock);
        stored = fetch.all(false);
    }

    @Test
    void patchingWhatWebhooksAnnouncedGivesTheBytesOfAFullFetch() {
        List<String> ids = store.productIds();
        String inCollection = ids.get(10);
        assertThat(store.productsInCollections()).as("its deletion changes a collection too").contains(inCollection);
        String stocked = ids.get(20);
        store.editProduct(ids.get(0), "Splitboard Deluxe", null);
        store.editProduct(ids.get(1), null, "19.99");
        store.deleteProduct(inCollection);
        store.stock(store.firstVariantOf(stocked), 0);

        JsonObject patched = StoreChangesHandler.patch(SnapshotPatch.of(stored), ChangeSet.of(payloads()), fetch, false);

        assertThat(new String(CanonicalJson.bytes(patched))).contains("Splitboard Deluxe", "19.99");
        assertThat(CanonicalJson.bytes(patched)).isEqualTo(CanonicalJson.bytes(fetch.all(false)));
    }

    @Test
    void readsOnlyTheChangedNodesByIdNeverTheWholeCatalog() {
        List<String> ids = store.productIds();
        store.editProduct(ids.get(2), "Renamed", null);
        store.stock(store.firstVariantOf(ids.get(5)), 7);
        int before = store.exchanges().size();

        StoreChangesHandler.patch(SnapshotPatch.of(stored), ChangeSet.of(payloads()), fetch, false);

        assertThat(store.exchanges().subList(before, store.exchanges().size())).extracting(Exchange::operation)
                .containsExactly("CatalogInventoryItems", "CatalogProductsById")
                .doesNotContain("CatalogProducts", "CatalogCodeDiscounts", "CatalogCollections");
    }

    @Test
    void aBurstOfRepeatedAndReorderedDeliveriesFetchesEachProductOnce() {
        List<String> ids = store.productIds();
        for (int round = 0; round < 3; round++) {
            for (String id : ids.subList(0, 30)) {
                store.editProduct(id, null, "1" + round + ".00");
            }
        }
        List<String> payloads = new ArrayList<>(payloads());
        Collections.shuffle(payloads, new java.util.Random(7));
        int before = store.exchanges().size();

        JsonObject patched = StoreChangesHandler.patch(SnapshotPatch.of(stored), ChangeSet.of(payloads), fetch, false);

        List<Exchange> sent = store.exchanges().subList(before, store.exchanges().size());
        assertThat(sent).filteredOn(e -> e.operation().equals("CatalogProductsById"))
                .as("30 products, 15 per request").hasSize(2);
        assertThat(CanonicalJson.bytes(patched)).isEqualTo(CanonicalJson.bytes(fetch.all(false)));
    }

    /** Issue 24: an import of thousands of products on a large store is one full sync through bulk, not hours of reads by id. */
    @Test
    void aChangeSetDearerByIdThanABulkSyncOfALargeStoreIsReadInFull() {
        ChangeSet imported = ChangeSet.of(productUpdates(2_000));
        long[] counted = {0};

        Optional<String> why = StoreChangesHandler.readInFull(SHOP, imported, () -> ++counted[0] * LARGE, n -> n > THRESHOLD);

        assertThat(why).hasValueSatisfying(line -> assertThat(line).contains(STORE, "2,000 products", "about 114,000 points",
                "about 820", "syncing its 12,000 products in full"));
        assertThat(counted[0]).as("one productsCount").isEqualTo(1);
    }

    @Test
    void aChangeSetCheaperByIdIsReadByIdWithoutCountingTheStore() {
        long[] counted = {0};

        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(productUpdates(14)), () -> ++counted[0] * LARGE, n -> n > THRESHOLD))
                .as("14 products: 798 points by id").isEmpty();
        assertThat(counted[0]).isZero();
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(productUpdates(15)), () -> LARGE, n -> n > THRESHOLD))
                .as("15 products: 855 points by id").isPresent();
    }

    @Test
    void inventoryItemsCountWithTheProductsTheyLeadTo() {
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(stockUpdates(11)), () -> LARGE, n -> n > THRESHOLD))
                .as("11 items: 11 × (13 + 57) = 770").isEmpty();
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(stockUpdates(12)), () -> LARGE, n -> n > THRESHOLD))
                .as("12 items: 840").isPresent();
    }

    @Test
    void aStoreNotReadInBulkIsReadByIdHoweverManyChanges() {
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(productUpdates(2_000)), () -> THRESHOLD, n -> n > THRESHOLD))
                .as("250 products: paged, not bulk").isEmpty();
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(productUpdates(2_000)), () -> LARGE, n -> false))
                .as("bulk queries refused to the app").isEmpty();
    }

    @Test
    void theEstimatesAddUpAsDocumented() {
        assertThat(BulkSyncCost.FIRST_ATTEMPT).isEqualTo(172);
        assertThat(BulkSyncCost.RESUMED_ATTEMPT).isEqualTo(108);
        assertThat(BulkSyncCost.POINTS).isEqualTo(820);
        assertThat(CatalogQueries.byIdCost(30, 0, 0, 0, false)).as("two batches of 15 products").isEqualTo(2 * 855);
        assertThat(CatalogQueries.byIdCost(0, 60, 0, 0, false)).as("60 items (two lookups) and their 60 products")
                .isEqualTo(60 * 13 + 60 * 57);
        assertThat(CatalogQueries.byIdCost(0, 0, 21, 2, true)).isEqualTo(21 * 43 + 2 * 54 + 4);
    }

    private static List<String> productUpdates(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> "products/update|PRODUCT|gid://shopify/Product/" + (8_100_000_000L + i)).toList();
    }

    private static List<String> stockUpdates(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> "inventory_levels/update|INVENTORY_ITEM|gid://shopify/InventoryItem/" + (4_400_000_000L + i)).toList();
    }

    private List<String> payloads() {
        return store.takeWebhooks().stream()
                .map(e -> ChangeSet.payload(WebhookTopic.fromHeader(e.getKey()).orElseThrow(), e.getValue()).orElseThrow())
                .toList();
    }

}

package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sandbox.shopify.admin.InProcessShopify.Exchange;
import dev.salesbot.sandbox.shopify.admin.InProcessShopify;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.catalog.CatalogFetchTest;
import dev.salesbot.sync.shopify.catalog.CatalogQueries;
import dev.salesbot.sync.shopify.entity.ShopDomain;
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
    static final double UNLIMITED = 1e12;
    static final ShopDomain SHOP = new ShopDomain(STORE);
    /** Above BULK_THRESHOLD_PRODUCTS, whose default is {@value #THRESHOLD}. */
    static final long LARGE = 12_000;
    static final long THRESHOLD = 250;

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

        JsonObject patched = patch(ChangeSet.of(payloads()), fetch, false);

        assertThat(new String(CanonicalJson.bytes(patched))).contains("Splitboard Deluxe", "19.99");
        assertThat(CanonicalJson.bytes(patched)).isEqualTo(CanonicalJson.bytes(fetch.all(false)));
    }

    @Test
    void readsOnlyTheChangedNodesByIdNeverTheWholeCatalog() {
        List<String> ids = store.productIds();
        store.editProduct(ids.get(2), "Renamed", null);
        store.stock(store.firstVariantOf(ids.get(5)), 7);
        int before = store.exchanges().size();

        patch(ChangeSet.of(payloads()), fetch, false);

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

        JsonObject patched = patch(ChangeSet.of(payloads), fetch, false);

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

        Optional<String> why = StoreChangesHandler.readInFull(SHOP, imported, () -> ++counted[0] * LARGE, n -> n > THRESHOLD, () -> 100);

        assertThat(why).hasValueSatisfying(line -> assertThat(line).contains(STORE, "2,000 products", "about 114,000 points",
                "about 820", "about 360 s against 116 s", "syncing its 12,000 products in full"));
        assertThat(counted[0]).as("one productsCount").isEqualTo(1);
    }

    @Test
    void aChangeSetCheaperByIdIsReadByIdWithoutCountingTheStore() {
        long[] counted = {0};

        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(productUpdates(14)), () -> ++counted[0] * LARGE, n -> n > THRESHOLD, () -> 100))
                .as("14 products: 798 points by id").isEmpty();
        assertThat(counted[0]).isZero();
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(productUpdates(1_000)), () -> 1_000, n -> n > THRESHOLD, () -> 100))
                .as("1,000 of 1,000 products: dearer and slower by id (180 s against 11.5 s)").isPresent();
    }

    /** Dearer by id is not enough: a read by id that ends sooner than a bulk run of the whole store is kept. */
    @Test
    void aChangeSetReadSoonerByIdThanABulkRunIsReadById() {
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(stockUpdates(1_000)), () -> 10_000, n -> n > THRESHOLD, () -> 1_000))
                .as("1,000 stock changes of a 10,000-product Plus store: 18 s by id, 97 s in bulk").isEmpty();
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(stockUpdates(1_000)), () -> 10_000, n -> n > THRESHOLD, () -> 100))
                .as("the same on the standard plan: 180 s by id").isPresent();
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(stockUpdates(1_000)), () -> 10_000, n -> n > THRESHOLD, () -> 0))
                .as("no rate reported yet: the standard plan's").isPresent();
    }

    @Test
    void inventoryItemsCountWithTheProductsTheyLeadTo() {
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(stockUpdates(11)), () -> 100, n -> true, () -> 100))
                .as("11 items: 11 × (13 + 57) = 770").isEmpty();
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(stockUpdates(12)), () -> 100, n -> true, () -> 100))
                .as("12 items: 840 points, 2.2 s against 2.95 s").isEmpty();
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(stockUpdates(20)), () -> 100, n -> true, () -> 100))
                .as("20 items of a 100-product store: 3.6 s against 2.95 s").isPresent();
    }

    @Test
    void aStoreNotReadInBulkIsReadByIdHoweverManyChanges() {
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(productUpdates(2_000)), () -> THRESHOLD, n -> n > THRESHOLD, () -> 100))
                .as("250 products: paged, not bulk").isEmpty();
        assertThat(StoreChangesHandler.readInFull(SHOP, ChangeSet.of(productUpdates(2_000)), () -> LARGE, n -> false, () -> 100))
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

    /** The handler's patch of the stored document, streamed from its canonical bytes, read back. */
    private JsonObject patch(ChangeSet changes, CatalogFetch fetch, boolean policies) {
        byte[] bytes = CanonicalJson.bytes(stored);
        try (var patched = StoreChangesHandler.patch(() -> new java.io.ByteArrayInputStream(bytes), changes, fetch, policies);
             var in = patched.open(); var reader = dev.salesbot.sync.json.Jsonp.createReader(in)) {
            return reader.readObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> payloads() {
        return store.takeWebhooks().stream()
                .map(e -> ChangeSet.payload(WebhookTopic.fromHeader(e.getKey()).orElseThrow(), e.getValue()).orElseThrow())
                .toList();
    }

}

package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sandbox.shopify.admin.InProcessShopify.Exchange;
import dev.salesbot.sandbox.shopify.admin.InProcessShopify;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.catalog.CatalogFetchTest;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partial sync patches only what webhooks announced, and the patched snapshot is byte for byte
 * the one a full fetch of the store writes: what the daily poll then finds unchanged.
 */
public class StoreChangesHandlerTest {

    public static final String STORE = "acme-snow.myshopify.com";
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

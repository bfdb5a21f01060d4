package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sandbox.shopify.admin.InProcessShopify;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.storage.control.SpooledJson;
import dev.salesbot.sync.testing.FakeClock;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spooled snapshot and digest are byte for byte the canonical forms of the documents built in
 * memory: the stored bytes did not change when the catalog stopped being held whole.
 */
class CatalogSpoolTest {

    private static final Instant DURING_THE_SUMMER_SALE = Instant.parse("2026-02-01T12:00:00Z");
    private static InProcessShopify shopify;
    private static FakeClock clock;
    private static JsonObject inMemory;

    @BeforeAll
    static void fetchTheStoreInMemory() {
        clock = new FakeClock();
        shopify = CatalogFetchTest.standardPlan(CatalogFetchTest.STORE_PRODUCTS, clock);
        inMemory = CatalogFetchTest.fetchFor(shopify::post, clock).all(false);
    }

    @Test
    void aSpooledFullFetchHasTheBytesOfTheDocumentInMemory() {
        try (CatalogSpool spool = new CatalogSpool()) {
            CatalogFetchTest.fetchFor(shopify::post, clock).all(false, n -> { }, spool);
            assertThat(spool.products().count()).isEqualTo(CatalogFetchTest.STORE_PRODUCTS);
            try (SpooledJson document = spool.document()) {
                byte[] expected = CanonicalJson.bytes(inMemory);
                assertThat(document.bytes()).isEqualTo(expected);
                assertThat(document.size()).isEqualTo(expected.length);
                assertThat(document.sha256()).isEqualTo(CanonicalJson.sha256Hex(expected));
            }
        }
    }

    @Test
    void theSpooledDigestHasTheBytesOfTheDigestInMemoryAndCountsTheCatalog() {
        try (SpooledJson document = SpooledJson.of(CanonicalJson.bytes(inMemory))) {
            for (Instant at : List.of(DURING_THE_SUMMER_SALE, Instant.parse("2026-12-01T12:00:00Z"))) {
                BotDigest.Spooled spooled = BotDigest.spool(document, at);
                try (SpooledJson digest = spooled.digest()) {
                    assertThat(digest.bytes()).isEqualTo(CanonicalJson.bytes(BotDigest.of(inMemory, at)));
                }
                JsonObject data = inMemory.getJsonObject("data");
                assertThat(spooled.products()).isEqualTo(data.getJsonObject("products").getJsonArray("edges").size());
                assertThat(spooled.discounts()).isEqualTo(data.getJsonObject("codeDiscountNodes").getJsonArray("edges").size());
                assertThat(spooled.collections()).isEqualTo(data.getJsonObject("collections").getJsonArray("edges").size());
                long variants = data.getJsonObject("products").getJsonArray("edges").stream()
                        .mapToLong(e -> e.asJsonObject().getJsonObject("node").getJsonObject("variants").getJsonArray("edges").size()).sum();
                assertThat(spooled.variants()).isEqualTo(variants);
            }
        }
    }

    @Test
    void escapesUnicodeNumbersAndEmptyConnectionsAsTheCanonicalWriterDoes() {
        JsonObject product = json("{\"id\":\"gid://shopify/Product/7\",\"title\":\"Ski \\\"pro\\\" \\u00e9\\u4e2d\\ud83c\\udfbf\\n\\t\\u0001\","
                + "\"status\":\"ACTIVE\",\"handle\":\"ski\",\"z\":1.50,\"a\":-0,\"e\":1E+3,\"n\":null,\"b\":[true,false,{}],"
                + "\"variants\":{\"edges\":[{\"node\":{\"id\":\"gid://shopify/ProductVariant/1\",\"price\":\"9.90\",\"availableForSale\":true}}],"
                + "\"pageInfo\":{\"hasNextPage\":false}}}");
        JsonObject shop = json("{\"name\":\"Snø & Co\",\"currencyCode\":\"NOK\",\"primaryDomain\":{\"url\":\"https://sno.example\"}}");
        try (CatalogSpool spool = new CatalogSpool()) {
            spool.products().add(product);
            spool.products().add(product);
            spool.shop(shop);
            try (SpooledJson document = spool.document()) {
                JsonObject expected = Jsonp.createObjectBuilder().add("data", Jsonp.createObjectBuilder()
                        .add("shop", shop)
                        .add("products", EdgePager.merged(List.of(EdgePager.edge(product), EdgePager.edge(product))))
                        .add("codeDiscountNodes", EdgePager.merged(List.of()))
                        .add("collections", EdgePager.merged(List.of()))).build();
                assertThat(document.bytes()).isEqualTo(CanonicalJson.bytes(expected));
                try (SpooledJson digest = BotDigest.spool(document, DURING_THE_SUMMER_SALE).digest()) {
                    assertThat(digest.bytes()).isEqualTo(CanonicalJson.bytes(BotDigest.of(expected, DURING_THE_SUMMER_SALE)));
                }
            }
        }
    }

    @Test
    void theReaderHandsOverTheNodesAskedForAndSkipsTheRest() {
        try (SpooledJson document = SpooledJson.of(CanonicalJson.bytes(inMemory))) {
            List<String> collections = new ArrayList<>();
            JsonObject[] shop = new JsonObject[1];
            CatalogReader.read(document::open, Set.of("collections", "shop"), new CatalogReader.Visitor() {
                @Override
                public void node(String connection, JsonObject node) {
                    assertThat(connection).isEqualTo("collections");
                    collections.add(node.getString("id"));
                }

                @Override
                public void shop(JsonObject found) {
                    shop[0] = found;
                }
            });
            assertThat(collections).isEqualTo(inMemory.getJsonObject("data").getJsonObject("collections").getJsonArray("edges").stream()
                    .map(e -> e.asJsonObject().getJsonObject("node").getString("id")).toList());
            assertThat(shop[0]).isEqualTo(inMemory.getJsonObject("data").getJsonObject("shop"));
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Jsonp.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

}

package dev.salesbot.sync.shopify.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.salesbot.sync.shopify.control.SampleCatalog.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogFetchTest {

    private static FakeShopify shopify;
    private static JsonObject document;

    /** One full fetch of the large catalog, shared: it is read-only and takes a few seconds. */
    @BeforeAll
    static void fetchTheLargeCatalog() {
        FakeClock clock = new FakeClock();
        shopify = FakeShopify.standardPlan(SampleCatalog.large(), clock);
        document = fetchFor(shopify, clock).all();
    }

    @Test
    void storesTheTutorialsDocumentShapeWithEveryTopLevelPage() {
        JsonObject data = document.getJsonObject("data");
        assertThat(data.keySet()).containsExactly("shop", "products", "codeDiscountNodes", "collections");
        assertThat(data.getJsonObject("shop").getString("name")).isEqualTo("Acme Snow Co");
        assertThat(edges(data, "products")).hasSize(4 + WAX_PRODUCTS);
        assertThat(data.getJsonObject("products").getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
        assertThat(data.getJsonObject("collections").getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
    }

    @Test
    void followsAProductsVariantsBeyondTheFirstPage() {
        JsonObject bike = node(edges(document.getJsonObject("data"), "products"), CUSTOM_BIKE);
        JsonArray variants = bike.getJsonObject("variants").getJsonArray("edges");
        assertThat(variants).hasSize(BIKE_VARIANTS);
        assertThat(variants.stream().map(v -> v.asJsonObject().getJsonObject("node").getString("title")).distinct())
                .hasSize(BIKE_VARIANTS)
                .startsWith("Frame 1", "Frame 2")
                .endsWith("Frame 120");
        assertThat(bike.getJsonObject("variants").getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
    }

    @Test
    void followsADiscountsCodesAndItemsBeyondTheFirstPage() {
        JsonObject vip = node(edges(document.getJsonObject("data"), "codeDiscountNodes"), VIP_DISCOUNT);
        JsonObject discount = vip.getJsonObject("discount");
        assertThat(discount.getJsonObject("codes").getJsonArray("edges")).hasSize(VIP_CODES);
        assertThat(discount.getJsonObject("codes").getJsonArray("edges").getJsonObject(VIP_CODES - 1)
                .getJsonObject("node").getString("code")).isEqualTo("VIP-3000");
        assertThat(discount.getJsonObject("customerGets").getJsonObject("items").getJsonObject("products")
                .getJsonArray("edges")).hasSize(12);
    }

    @Test
    void keepsOnlyCodeDiscounts() {
        assertThat(edges(document.getJsonObject("data"), "codeDiscountNodes"))
                .extracting(e -> e.asJsonObject().getJsonObject("node").getJsonObject("discount").getString("__typename"))
                .allMatch(type -> type.startsWith("DiscountCode"))
                .hasSize(6);
    }

    @Test
    void followsACollectionsProductsBeyondTheFirstPage() {
        JsonObject wax = node(edges(document.getJsonObject("data"), "collections"), ALL_WAX);
        assertThat(wax.getJsonObject("products").getJsonArray("edges")).hasSize(WAX_PRODUCTS);
    }

    @Test
    void neverAsksMoreThanShopifysCeilingAndIsNeverThrottledInANormalRun() {
        assertThat(shopify.requests()).extracting(FakeShopify.Request::requestedCost)
                .allMatch(cost -> cost <= AdminQueries.MAX_QUERY_COST);
        assertThat(shopify.requests()).noneMatch(FakeShopify.Request::throttled);
    }

    @Test
    void fetchesChangedProductsCompleteAndReportsDeletedOnes() {
        FakeClock clock = new FakeClock();
        FakeShopify fake = FakeShopify.standardPlan(SampleCatalog.standard(), clock);

        ProductFetch fetched = fetchFor(fake, clock).products(List.of(CUSTOM_BIKE, HYDROGEN_HOODIE, DELETED_PRODUCT));

        assertThat(fetched.products()).extracting(p -> p.getString("title"))
                .containsExactly("Custom Bike Builder", "Hydrogen Hoodie");
        assertThat(fetched.products().get(0).getJsonObject("variants").getJsonArray("edges")).hasSize(BIKE_VARIANTS);
        assertThat(fetched.missingIds()).containsExactly(DELETED_PRODUCT);
        assertThat(fake.requests()).extracting(FakeShopify.Request::operation)
                .containsExactly("CatalogProductsById", "CatalogProductVariants");
    }

    @Test
    void refusesIdsThatAreNotProductIds() {
        FakeClock clock = new FakeClock();
        CatalogFetch fetch = fetchFor(FakeShopify.standardPlan(SampleCatalog.standard(), clock), clock);

        assertThatThrownBy(() -> fetch.products(List.of("gid://shopify/Collection/8001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static CatalogFetch fetchFor(FakeShopify fake, FakeClock clock) {
        ThrottlePacer pacer = new ThrottlePacer(clock, clock.sleeper());
        PacedAdmin admin = new PacedAdmin(SHOP, fake, pacer, RetryPolicy.standard(), clock.sleeper(), clock);
        return new CatalogFetch(SHOP, admin);
    }

    private static JsonArray edges(JsonObject data, String key) {
        return data.getJsonObject(key).getJsonArray("edges");
    }

    private static JsonObject node(JsonArray edges, String id) {
        return edges.stream().map(JsonValue::asJsonObject).map(e -> e.getJsonObject("node"))
                .filter(n -> n.getString("id").equals(id)).findFirst().orElseThrow();
    }
}

package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sandbox.shopify.admin.InProcessShopify.Exchange;
import dev.salesbot.sandbox.shopify.admin.InProcessShopify.Largest;
import dev.salesbot.sandbox.shopify.admin.InProcessShopify;
import dev.salesbot.sync.shopify.graphql.GraphqlTransport;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.RetryPolicy;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.shopify.graphql.ThrottlePacer;
import dev.salesbot.sync.testing.FakeClock;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fetch against the sandbox's Shopify: real schema, cost model, leaky bucket and cursor paging. */
public class CatalogFetchTest {

    public static final String STORE = "acme-snow.myshopify.com";
    /** Large enough for the seeder's paging cases: a product with 100+ variants, thousands of codes, big collections. */
    static final int STORE_PRODUCTS = 1000;
    private static final String NO_SUCH_PRODUCT = "gid://shopify/Product/1";

    private static InProcessShopify shopify;
    private static JsonObject document;

    /** One full fetch of the large store, shared: it is read-only and takes a few seconds. */
    @BeforeAll
    static void fetchTheLargeStore() {
        FakeClock clock = new FakeClock();
        shopify = standardPlan(STORE_PRODUCTS, clock);
        document = fetchFor(shopify::post, clock).all(false);
    }

    @Test
    void storesTheTutorialsDocumentShapeWithEveryTopLevelPage() {
        JsonObject data = document.getJsonObject("data");
        assertThat(data.keySet()).containsExactly("shop", "products", "codeDiscountNodes", "collections");
        assertThat(data.getJsonObject("shop").getString("name")).isEqualTo("Acme Snow");
        assertThat(edges(data, "products")).hasSize(STORE_PRODUCTS);
        assertThat(ids(edges(data, "products"))).doesNotHaveDuplicates();
        assertThat(data.getJsonObject("products").getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
        assertThat(data.getJsonObject("collections").getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
    }

    @Test
    void readsTheLegalPoliciesWhenGrantedAndKeepsTheSnapshotWholeWhenShopifyDeniesThem() {
        FakeClock clock = new FakeClock();
        InProcessShopify granted = new InProcessShopify(STORE, 5, 1000, 50, clock, ShopifyApp.DEFAULT_SCOPES + ",read_legal_policies");
        JsonObject withPolicies = fetchFor(granted::post, clock).all(true).getJsonObject("data");
        assertThat(withPolicies.getJsonObject("shop").getJsonArray("shopPolicies")).isNotEmpty();

        InProcessShopify withheld = new InProcessShopify(STORE, 5, 1000, 50, clock, ShopifyApp.DEFAULT_SCOPES + ",read_legal_policies")
                .denyFields(List.of("Shop.shopPolicies"));
        JsonObject whole = fetchFor(withheld::post, clock).all(true).getJsonObject("data");
        assertThat(whole.getJsonObject("shop").containsKey("shopPolicies")).isFalse();
        assertThat(whole.getJsonObject("shop").getString("name")).isEqualTo(withPolicies.getJsonObject("shop").getString("name"));
        assertThat(edges(whole, "products")).hasSize(5);
    }

    @Test
    void sendsNoPolicyQueryAndMeetsNoDenialWithTheDefaultScopes() {
        assertThat(shopify.exchanges()).extracting(Exchange::operation).doesNotContain("CatalogShopPolicies");
        assertThat(document.getJsonObject("data").getJsonObject("shop").containsKey("shopPolicies")).isFalse();
        assertThat(shopify.stats()).containsEntry("accessDenied", 0L);
    }

    @Test
    void followsAProductsVariantsBeyondTheFirstPage() {
        Largest most = shopify.productWithMostVariants();
        assertThat(most.size()).as("the store must have a product whose variants need follow-up pages")
                .isGreaterThan(250);

        JsonObject variants = node(edges(document.getJsonObject("data"), "products"), most.id()).getJsonObject("variants");

        assertThat(ids(variants.getJsonArray("edges"))).hasSize(most.size()).doesNotHaveDuplicates();
        assertThat(variants.getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
    }

    @Test
    void followsADiscountsCodesBeyondTheFirstPage() {
        Largest most = shopify.discountWithMostCodes();
        assertThat(most.size()).as("the store must have a discount with thousands of codes").isGreaterThanOrEqualTo(2_500);

        JsonObject codes = node(edges(document.getJsonObject("data"), "codeDiscountNodes"), most.id())
                .getJsonObject("discount").getJsonObject("codes");

        assertThat(codes.getJsonArray("edges").stream()
                .map(e -> e.asJsonObject().getJsonObject("node").getString("code")))
                .hasSize(most.size()).doesNotHaveDuplicates();
        assertThat(codes.getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
    }

    @Test
    void followsACollectionsProductsBeyondTheFirstPage() {
        Largest most = shopify.collectionWithMostProducts();
        assertThat(most.size()).as("the store must have a collection of hundreds of products, more than one follow-up page")
                .isGreaterThan(CatalogQueries.FOLLOW_UP_PAGE);

        JsonObject products = node(edges(document.getJsonObject("data"), "collections"), most.id()).getJsonObject("products");

        assertThat(ids(products.getJsonArray("edges"))).hasSize(most.size()).doesNotHaveDuplicates();
        assertThat(products.getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
    }

    @Test
    void keepsOnlyCodeDiscounts() {
        assertThat(edges(document.getJsonObject("data"), "codeDiscountNodes"))
                .extracting(e -> e.asJsonObject().getJsonObject("node").getJsonObject("discount").getString("__typename"))
                .allMatch(type -> type.startsWith("DiscountCode"))
                .isNotEmpty();
    }

    @Test
    void neverAsksMoreThanShopifysCeilingAndIsNeverThrottledInANormalRun() {
        assertThat(shopify.exchanges()).extracting(Exchange::requestedCost)
                .allMatch(cost -> cost > 0 && cost <= CatalogQueries.MAX_QUERY_COST);
        assertThat(shopify.exchanges()).noneMatch(Exchange::throttled);
        assertThat(shopify.stats())
                .containsEntry("invalid", 0L)
                .containsEntry("maxCostExceeded", 0L)
                .containsEntry("throttled", 0L)
                .containsEntry("deprecated", List.of());
    }

    @Test
    void fetchesChangedProductsCompleteAndReportsDeletedOnes() {
        FakeClock clock = new FakeClock();
        InProcessShopify store = standardPlan(STORE_PRODUCTS, clock);
        Largest big = store.productWithMostVariants();
        String small = ids(edges(document.getJsonObject("data"), "products")).get(0);

        NodeFetch fetched = fetchFor(store::post, clock).products(List.of(big.id(), small, NO_SUCH_PRODUCT));

        assertThat(fetched.found()).extracting(p -> p.getString("id")).containsExactly(big.id(), small);
        assertThat(fetched.found().get(0).getJsonObject("variants").getJsonArray("edges")).hasSize(big.size());
        assertThat(fetched.missingIds()).containsExactly(NO_SUCH_PRODUCT);
        // One follow-up per 250 variants beyond the first page of 25 (the product has more than 250).
        int followUps = (big.size() - CatalogQueries.VARIANTS_PER_PRODUCT + CatalogQueries.FOLLOW_UP_PAGE - 1) / CatalogQueries.FOLLOW_UP_PAGE;
        assertThat(followUps).isEqualTo(2);
        assertThat(store.exchanges()).extracting(Exchange::operation)
                .containsExactly("CatalogProductsById", "CatalogProductVariants", "CatalogProductVariants");
    }

    @Test
    void refusesIdsThatAreNotProductIds() {
        FakeClock clock = new FakeClock();
        CatalogFetch fetch = fetchFor(standardPlan(36, clock)::post, clock);

        assertThatThrownBy(() -> fetch.products(List.of("gid://shopify/Collection/8001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A store on Shopify's long-standing standard limits: 1,000 points, 50 restored per second. */
    public static InProcessShopify standardPlan(int products, FakeClock clock) {
        return new InProcessShopify(STORE, products, 1000, 50, clock, ShopifyApp.DEFAULT_SCOPES);
    }

    public static CatalogFetch fetchFor(GraphqlTransport transport, FakeClock clock) {
        ThrottlePacer pacer = new ThrottlePacer(clock, clock.sleeper());
        PacedGraphql graphql = new PacedGraphql(STORE, transport, pacer, RetryPolicy.standard(), clock.sleeper(), clock);
        return new CatalogFetch(STORE, graphql);
    }

    private static JsonArray edges(JsonObject data, String key) {
        return data.getJsonObject(key).getJsonArray("edges");
    }

    private static List<String> ids(JsonArray edges) {
        return edges.stream().map(e -> e.asJsonObject().getJsonObject("node").getString("id")).toList();
    }

    private static JsonObject node(JsonArray edges, String id) {
        return edges.stream().map(JsonValue::asJsonObject).map(e -> e.getJsonObject("node"))
                .filter(n -> n.getString("id").equals(id)).findFirst().orElseThrow();
    }
}

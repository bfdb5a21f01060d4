package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sandbox.shopify.admin.AdminSchema;
import dev.salesbot.sandbox.shopify.admin.InProcessShopify;
import dev.salesbot.sync.shopify.graphql.GraphqlQuery;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.shopify.webhooks.WebhookQueries;
import dev.salesbot.sync.testing.FakeClock;
import dev.salesbot.sync.testing.SampleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.salesbot.sync.shopify.catalog.CatalogQueries.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every query the fetch sends, judged by the sandbox's Shopify: the real schema and its cost model. */
class CatalogQueriesTest {

    private static final String PRODUCT_ID = "gid://shopify/Product/7001";
    private static final String DISCOUNT_ID = "gid://shopify/DiscountCodeNode/9001";
    private static final String COLLECTION_ID = "gid://shopify/Collection/8001";
    private static final String INVENTORY_ITEM_ID = "gid://shopify/InventoryItem/46000000000001";
    private static final String CURSOR = "eyJsYXN0X2lkIjo3MDAxfQ==";

    private static final AdminSchema SCHEMA = AdminSchema.load();
    /** Used only for its checks and cost model; no request is sent. */
    private static final InProcessShopify SHOPIFY = new InProcessShopify(SampleCatalog.SHOP, 0, 1000, 50, new FakeClock(), ShopifyApp.DEFAULT_SCOPES);

    /** Every query the fetch can send, with the variables it sends and the cost it paces for. */
    static Stream<Arguments> everyQuery() {
        return Stream.of(
                Arguments.of(SHOP, Map.of(), SHOP_COST),
                Arguments.of(PRODUCTS, vars("first", PRODUCTS_PAGE, "variantsFirst", VARIANTS_PER_PRODUCT), PRODUCTS_COST),
                Arguments.of(PRODUCTS, vars("first", PRODUCTS_PAGE, "variantsFirst", VARIANTS_PER_PRODUCT, "after", CURSOR), PRODUCTS_COST),
                Arguments.of(PRODUCTS_BY_ID, vars("ids", ids(PRODUCTS_BY_ID_BATCH), "variantsFirst", VARIANTS_PER_PRODUCT),
                        productsByIdCost(PRODUCTS_BY_ID_BATCH)),
                Arguments.of(PRODUCT_VARIANTS, followUp(PRODUCT_ID), PRODUCT_VARIANTS_COST),
                Arguments.of(DISCOUNTS, vars("first", DISCOUNTS_PAGE, "codesFirst", CODES_PER_DISCOUNT,
                        "itemsFirst", ITEMS_PER_DISCOUNT, "after", CURSOR), DISCOUNTS_COST),
                Arguments.of(DISCOUNT_CODES, followUp(DISCOUNT_ID), DISCOUNT_CODES_COST),
                Arguments.of(DISCOUNT_PRODUCTS, followUp(DISCOUNT_ID), DISCOUNT_PRODUCTS_COST),
                Arguments.of(DISCOUNT_VARIANTS, followUp(DISCOUNT_ID), DISCOUNT_VARIANTS_COST),
                Arguments.of(DISCOUNT_COLLECTIONS, followUp(DISCOUNT_ID), DISCOUNT_COLLECTIONS_COST),
                Arguments.of(COLLECTIONS, vars("first", COLLECTIONS_PAGE, "productsFirst", PRODUCTS_PER_COLLECTION), COLLECTIONS_COST),
                Arguments.of(COLLECTION_PRODUCTS, followUp(COLLECTION_ID), COLLECTION_PRODUCTS_COST),
                Arguments.of(COLLECTIONS_BY_ID, vars("ids", List.of(COLLECTION_ID, COLLECTION_ID.replace("8001", "8002")),
                        "productsFirst", PRODUCTS_PER_COLLECTION), collectionsByIdCost(2)),
                Arguments.of(DISCOUNT_BY_ID, vars("id", DISCOUNT_ID, "codesFirst", CODES_PER_DISCOUNT, "itemsFirst", ITEMS_PER_DISCOUNT),
                        DISCOUNT_BY_ID_COST),
                Arguments.of(INVENTORY_ITEMS, vars("ids", List.of(INVENTORY_ITEM_ID)), inventoryItemsCost(1)),
                Arguments.of(WebhookQueries.WEBHOOKS, vars("first", WebhookQueries.WEBHOOKS_PAGE), WebhookQueries.WEBHOOKS_COST),
                Arguments.of(WebhookQueries.WEBHOOK_CREATE, vars("topic", "PRODUCTS_UPDATE", "uri", "https://sync.example.com/shopify/webhook"),
                        GraphqlQuery.MUTATION_COST),
                Arguments.of(WebhookQueries.WEBHOOK_DELETE, vars("id", "gid://shopify/WebhookSubscription/1400000001"), GraphqlQuery.MUTATION_COST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyQuery")
    void isValidAgainstTheRealSchemaWithoutDeprecatedSelections(GraphqlQuery query, Map<String, Object> variables, int cost) {
        assertThat(SCHEMA.validate(query.text())).isEmpty();
        assertThat(SHOPIFY.problems(query.text(), variables)).isEmpty();
        assertThat(SCHEMA.deprecatedFieldsSelected(query.text())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyQuery")
    void needsNoScopeBeyondTheOnesTheAppAsksFor(GraphqlQuery query, Map<String, Object> variables, int cost) {
        assertThat(SCHEMA.accessDenied(query.text(), variables, ShopifyApp.DEFAULT_SCOPES)).isEmpty();
    }

    @Test
    void readsTheLegalPoliciesOnlyInAQueryOfTheirOwnThatNeedsTheirScope() {
        // Shopify: ShopPolicy needs read_legal_policies, which the default scopes do not ask for.
        assertThat(SCHEMA.accessDenied(SHOP_POLICIES.text(), Map.of(), ShopifyApp.DEFAULT_SCOPES))
                .containsExactly("Access denied for shopPolicies field. Required access: `read_legal_policies` access scope.");
        assertThat(SCHEMA.accessDenied(SHOP_POLICIES.text(), Map.of(), ShopifyApp.DEFAULT_SCOPES + ",read_legal_policies")).isEmpty();
        assertThat(SHOP.text()).doesNotContain("shopPolicies");
        assertThat(SHOPIFY.requestedCost(SHOP_POLICIES.text(), Map.of())).isEqualTo(SHOP_POLICIES_COST);
        assertThat(SCHEMA.validate(SHOP_POLICIES.text())).isEmpty();
    }

    @Test
    void scopeCheckDeniesWhatAMerchantDidNotGrant() {
        assertThat(SCHEMA.accessDenied(DISCOUNTS.text(), vars("first", DISCOUNTS_PAGE, "codesFirst", CODES_PER_DISCOUNT,
                "itemsFirst", ITEMS_PER_DISCOUNT), "read_products"))
                .isNotEmpty()
                .allSatisfy(denial -> assertThat(denial).contains("read_discounts"));
        assertThat(SCHEMA.accessDenied(PRODUCTS.text(), vars("first", PRODUCTS_PAGE, "variantsFirst", VARIANTS_PER_PRODUCT),
                "write_products")).as("a write scope grants the read").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyQuery")
    void pacesForItsDocumentedCostWhichStaysUnderShopifysCeiling(GraphqlQuery query, Map<String, Object> variables, int cost) {
        assertThat(SHOPIFY.requestedCost(query.text(), variables))
                .isEqualTo(cost)
                .isLessThanOrEqualTo(MAX_QUERY_COST);
    }

    @Test
    void storesDiscountsUnderTheTutorialsKeyThroughTheNonDeprecatedRootField() {
        assertThat(DISCOUNTS.text())
                .contains("codeDiscountNodes: discountNodes(")
                .contains("query: \"method:code\"");
    }

    @Test
    void schemaCheckCatchesWhatShopifyWouldReject() {
        assertThat(SCHEMA.validate("{ shop { nickname } }")).isNotEmpty();
        assertThat(SCHEMA.deprecatedFieldsSelected("{ codeDiscountNodes(first: 1) { edges { cursor } } }"))
                .containsExactly("QueryRoot.codeDiscountNodes");
        assertThat(SCHEMA.deprecatedFieldsSelected("{ collections(first: 1) { edges { node { image(maxWidth: 10) { url } } } } }"))
                .containsExactly("Collection.image(maxWidth)");
        assertThat(SHOPIFY.problems(PRODUCTS.text(), vars("first", "many", "variantsFirst", 1))).isNotEmpty();
        assertThat(SHOPIFY.problems(PRODUCTS.text(), vars("first", 251, "variantsFirst", 1))).isNotEmpty();
    }

    @Test
    void costRulesMatchShopifysWorkedExample() {
        // Shopify's documented example: 2 + 10 × (1 + 2 + 5 × 1) = 82.
        String example = "{ products(first: 10) { edges { node { title variants(first: 5) { edges { node { price } } } } } } }";
        assertThat(SHOPIFY.requestedCost(example, Map.of())).isEqualTo(82);
    }

    private static Map<String, Object> followUp(String id) {
        return vars("id", id, "first", FOLLOW_UP_PAGE, "after", CURSOR);
    }

    private static List<String> ids(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "gid://shopify/Product/" + (7000 + i)).toList();
    }

    private static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}

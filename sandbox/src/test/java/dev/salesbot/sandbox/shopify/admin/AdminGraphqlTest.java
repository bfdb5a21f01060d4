package dev.salesbot.sandbox.shopify.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.salesbot.sandbox.shopify.admin.SandboxStores.at;
import static dev.salesbot.sandbox.shopify.admin.SandboxStores.body;
import static org.assertj.core.api.Assertions.assertThat;

class AdminGraphqlTest {

    private static final String TEN_PRODUCTS = "{ products(first: 10) { nodes { id title } } }";

    private final SandboxStores stores = new SandboxStores();

    @Test
    void reportsTheCostOfEveryAnswer() {
        SandboxShop shop = stores.store(36, 2000, 100);

        Map<String, Object> body = body(stores.execute(shop, TEN_PRODUCTS, null, null));

        assertThat(at(body, "extensions.cost.requestedQueryCost")).isEqualTo(12);
        assertThat(at(body, "extensions.cost.actualQueryCost")).isEqualTo(12);
        assertThat(at(body, "extensions.cost.throttleStatus"))
                .isEqualTo(Map.of("maximumAvailable", 2000.0, "currentlyAvailable", 1988, "restoreRate", 100.0));
    }

    @Test
    void chargesOnlyWhatWasReturned() {
        SandboxShop shop = stores.store(4, 2000, 100);

        Map<String, Object> body = body(stores.execute(shop, TEN_PRODUCTS, null, null));

        assertThat(at(body, "extensions.cost.actualQueryCost")).isEqualTo(2 + 4);
        assertThat(at(body, "extensions.cost.throttleStatus.currentlyAvailable")).isEqualTo(2000 - 6);
    }

    @Test
    void throttlesWhenTheBucketCannotPayThenRecoversAsTimePasses() {
        SandboxShop shop = stores.store(300, 1000, 50);
        String cheaper = "{ products(first: 200) { nodes { id } } }";
        for (int i = 0; i < 4; i++) {
            stores.execute(shop, cheaper, null, null);
        }

        Map<String, Object> refused = body(stores.execute(shop, cheaper, null, null));
        stores.clock.advance(Duration.ofSeconds(1));
        Map<String, Object> accepted = body(stores.execute(shop, cheaper, null, null));

        assertThat(at(refused, "errors.0.message")).isEqualTo("Throttled");
        assertThat(at(refused, "errors.0.extensions.code")).isEqualTo("THROTTLED");
        assertThat(at(refused, "extensions.cost.requestedQueryCost")).isEqualTo(202);
        assertThat(at(refused, "extensions.cost.actualQueryCost")).isNull();
        assertThat(at(refused, "extensions.cost.throttleStatus.currentlyAvailable")).isEqualTo(1000 - 4 * 202);
        assertThat(refused).doesNotContainKey("data");
        assertThat(accepted).doesNotContainKey("errors");
        assertThat(shop.stats().snapshot()).containsEntry("throttled", 1L);
    }

    @Test
    void refusesAQueryCostingOverAThousandBeforeRunningIt() {
        SandboxShop shop = stores.store(36);
        String query = "{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }";

        AdminAnswer answer = stores.execute(shop, query, null, null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(at(answer.body(), "errors.0.extensions"))
                .isEqualTo(Map.of("code", "MAX_COST_EXCEEDED", "cost", 2 + 250 * (1 + 2 + 250),
                        "maxCost", 1000, "documentation", ShopifyErrors.RATE_LIMITS_DOC));
        assertThat((String) at(answer.body(), "errors.0.message"))
                .startsWith("Query cost is 63252, which exceeds the single query max cost limit (1000).");
        assertThat(body(answer)).doesNotContainKeys("data", "extensions");
        assertThat(shop.stats().snapshot()).containsEntry("maxCostExceeded", 1L);
    }

    @Test
    void answersAnUnknownFieldTheWayShopifyDoes() {
        SandboxShop shop = stores.store(36);

        AdminAnswer answer = stores.execute(shop, "query Sync { products(first: 5) { nodes { id colour } } }", null, null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(at(answer.body(), "errors.0.message")).isEqualTo("Field 'colour' doesn't exist on type 'Product'");
        assertThat(at(answer.body(), "errors.0.extensions"))
                .isEqualTo(Map.of("code", "undefinedField", "typeName", "Product", "fieldName", "colour"));
        assertThat(at(answer.body(), "errors.0.path")).isEqualTo(List.of("query Sync", "products", "nodes", "colour"));
        assertThat(at(answer.body(), "errors.0.locations.0")).isEqualTo(Map.of("line", 1, "column", 46));
        assertThat(shop.stats().snapshot()).containsEntry("invalid", 1L);
    }

    @Test
    void refusesAPageWithoutFirstOrLast() {
        SandboxShop shop = stores.store(36);

        Map<String, Object> body = body(stores.execute(shop, "{ products { nodes { id } } }", null, null));

        assertThat(at(body, "errors.0.message")).isEqualTo("you must provide one of first or last");
        assertThat(at(body, "errors.0.path")).isEqualTo(List.of("products"));
        assertThat(body).containsEntry("data", null).containsKey("extensions");
    }

    @Test
    void productUpdateChangesTheStoreAndMovesUpdatedAt() {
        SandboxShop shop = stores.store(36);
        CatalogProduct before = shop.catalog().products().get(5);
        String mutation = """
                mutation Rename($product: ProductUpdateInput!) {
                  productUpdate(product: $product) { product { id title updatedAt } userErrors { field message } }
                }""";

        Map<String, Object> body = body(stores.execute(shop, mutation,
                Map.of("product", Map.of("id", Ids.gid("Product", before.id()), "title", "Renamed Board")), null));
        Map<String, Object> changed = body(stores.execute(shop,
                "{ products(first: 5, query: \"updated_at:>'2026-09-15T08:00:00Z'\") { nodes { id title } } }", null, null));

        assertThat(at(body, "data.productUpdate.userErrors")).isEqualTo(List.of());
        assertThat(at(body, "data.productUpdate.product.updatedAt")).isEqualTo("2026-09-15T09:00:00Z");
        assertThat(at(body, "extensions.cost.requestedQueryCost")).isEqualTo(10);
        assertThat(at(changed, "data.products.nodes"))
                .isEqualTo(List.of(Map.of("id", Ids.gid("Product", before.id()), "title", "Renamed Board")));
    }

    @Test
    void productUpdateOfAnUnknownProductIsAUserError() {
        SandboxShop shop = stores.store(3);

        Map<String, Object> body = body(stores.execute(shop,
                "mutation { productUpdate(product: {id: \"gid://shopify/Product/1\", title: \"x\"}) { userErrors { field message } } }",
                null, null));

        assertThat(at(body, "data.productUpdate.userErrors.0.message")).isEqualTo("Product does not exist");
    }

    @Test
    void storesWebhookSubscriptionsAndRefusesDuplicates() {
        SandboxShop shop = stores.store(3);
        String mutation = """
                mutation {
                  webhookSubscriptionCreate(topic: PRODUCTS_UPDATE, webhookSubscription: {uri: "https://app.example.com/shopify/webhook", format: JSON}) {
                    webhookSubscription { id topic uri } userErrors { field message }
                  }
                }""";

        Map<String, Object> created = body(stores.execute(shop, mutation, null, null));
        Map<String, Object> again = body(stores.execute(shop, mutation, null, null));

        assertThat((String) at(created, "data.webhookSubscriptionCreate.webhookSubscription.id"))
                .startsWith("gid://shopify/WebhookSubscription/");
        assertThat(shop.webhooks().all()).extracting(WebhookSubscriptions.Subscription::topic).containsExactly("PRODUCTS_UPDATE");
        assertThat(at(again, "data.webhookSubscriptionCreate.userErrors.0.message"))
                .isEqualTo("Address for this topic has already been taken");
    }

    @Test
    void nodesFindsProductsVariantsAndCollectionsByGid() {
        SandboxShop shop = stores.store(36);
        CatalogProduct product = shop.catalog().products().get(0);
        String variant = Ids.gid("ProductVariant", product.variants().get(0).id());
        String collection = Ids.gid("Collection", shop.catalog().collections().get(0).id());
        String query = """
                query($ids: [ID!]!) { nodes(ids: $ids) {
                  id ... on Product { title } ... on ProductVariant { sku } ... on Collection { handle }
                } }""";

        Map<String, Object> body = body(stores.execute(shop, query,
                Map.of("ids", List.of(Ids.gid("Product", product.id()), variant, collection, "gid://shopify/Product/1")), null));

        assertThat(at(body, "data.nodes.0.title")).isEqualTo(product.title());
        assertThat(at(body, "data.nodes.1.sku")).isEqualTo(product.variants().get(0).sku());
        assertThat(at(body, "data.nodes.2.handle")).isEqualTo(shop.catalog().collections().get(0).handle());
        assertThat(at(body, "data.nodes.3")).isNull();
    }

    @Test
    void servesCodeDiscountsThroughDiscountNodesWithThousandsOfCodes() {
        SandboxShop shop = stores.store(100);
        String query = """
                { discountNodes(first: 10) { nodes { id discount {
                    __typename
                    ... on DiscountCodeBasic { title status summary codes(first: 5) { nodes { code } pageInfo { hasNextPage } } }
                    ... on DiscountCodeBxgy { title customerGets { value { __typename } } }
                    ... on DiscountCodeFreeShipping { title codesCount { count } }
                } } } }""";

        Map<String, Object> body = body(stores.execute(shop, query, null, null));

        assertThat(body).doesNotContainKey("errors");
        assertThat(at(body, "data.discountNodes.nodes.0.discount.__typename")).isEqualTo("DiscountCodeBasic");
        assertThat(at(body, "data.discountNodes.nodes.1.discount.codes.pageInfo.hasNextPage")).isEqualTo(true);
        assertThat(shop.catalog().discounts().get(1).codes()).hasSize(2_500)
                .extracting(CatalogDiscount.RedeemCode::code).doesNotHaveDuplicates();
        assertThat(at(body, "data.discountNodes.nodes.3.discount.customerGets.value.__typename")).isEqualTo("DiscountOnQuantity");
    }

    @Test
    void theDeprecatedCodeDiscountNodesStillAnswers() {
        SandboxShop shop = stores.store(36);

        Map<String, Object> body = body(stores.execute(shop,
                "{ codeDiscountNodes(first: 2) { nodes { id codeDiscount { ... on DiscountCodeBasic { title } } } } }", null, null));

        assertThat(body).doesNotContainKey("errors");
        assertThat((List<?>) at(body, "data.codeDiscountNodes.nodes")).hasSize(2);
    }

    @Test
    void injectedFaultsFailTheNextCallsThenStop() {
        SandboxShop shop = stores.store(3);
        shop.failNext(429, 2);

        AdminAnswer first = stores.execute(shop, TEN_PRODUCTS, null, null);
        AdminAnswer second = stores.execute(shop, TEN_PRODUCTS, null, null);
        AdminAnswer third = stores.execute(shop, TEN_PRODUCTS, null, null);

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.headers()).containsEntry("Retry-After", "2.0");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void seedsTenThousandProductsWithRealisticVariants() {
        Catalog catalog = CatalogSeeder.seed(SandboxStores.ACME, 10_000);

        assertThat(catalog.products()).hasSize(10_000);
        assertThat(catalog.products().stream().filter(p -> p.variants().size() <= 6).count()).isGreaterThan(8_000);
        assertThat(catalog.products().stream().filter(p -> p.variants().size() >= 100).count()).isGreaterThanOrEqualTo(10);
        assertThat(catalog.products()).extracting(CatalogProduct::handle).doesNotHaveDuplicates();
        assertThat(CatalogSeeder.seed(SandboxStores.ACME, 10_000).products()).isEqualTo(catalog.products());
    }
}

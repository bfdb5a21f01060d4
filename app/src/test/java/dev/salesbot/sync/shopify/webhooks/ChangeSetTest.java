package dev.salesbot.sync.shopify.webhooks;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeSetTest {

    static final String SNOWBOARD = "gid://shopify/Product/8100000001784";
    static final String BINDINGS = "gid://shopify/Product/8100000001785";

    @Test
    void recordsEachCatalogTopicAsTopicKindAndValidatedId() {
        assertThat(ChangeSet.payload(WebhookTopic.PRODUCTS_UPDATE, body("admin_graphql_api_id", SNOWBOARD)))
                .contains("products/update|PRODUCT|" + SNOWBOARD);
        assertThat(ChangeSet.payload(WebhookTopic.PRODUCTS_DELETE, Json.createObjectBuilder().add("id", 8100000001784L).build()))
                .contains("products/delete|PRODUCT_DELETED|" + SNOWBOARD);
        assertThat(ChangeSet.payload(WebhookTopic.INVENTORY_LEVELS_UPDATE,
                Json.createObjectBuilder().add("inventory_item_id", 271878346596884015L).add("available", 3).build()))
                .contains("inventory_levels/update|INVENTORY_ITEM|gid://shopify/InventoryItem/271878346596884015");
        assertThat(ChangeSet.payload(WebhookTopic.DISCOUNTS_REDEEMCODE_ADDED,
                body("admin_graphql_api_id", "gid://shopify/DiscountCodeNode/1057371185")))
                .contains("discounts/redeemcode_added|DISCOUNT|gid://shopify/DiscountCodeNode/1057371185");
        assertThat(ChangeSet.payload(WebhookTopic.SHOP_UPDATE, body("name", "Acme"))).contains("shop/update|SHOP|shop");
    }

    @Test
    void recordsNothingForABodyWithoutAUsableId() {
        assertThat(ChangeSet.payload(WebhookTopic.PRODUCTS_UPDATE, body("admin_graphql_api_id", "gid://shopify/Product/1|x"))).isEmpty();
        assertThat(ChangeSet.payload(WebhookTopic.PRODUCTS_UPDATE, body("admin_graphql_api_id", "../../etc/passwd"))).isEmpty();
        assertThat(ChangeSet.payload(WebhookTopic.PRODUCTS_DELETE, body("id", "12ab"))).isEmpty();
        assertThat(ChangeSet.payload(WebhookTopic.COLLECTIONS_UPDATE, body("admin_graphql_api_id", SNOWBOARD))).isEmpty();
        assertThat(ChangeSet.payload(WebhookTopic.APP_UNINSTALLED, body("id", "1"))).isEmpty();
    }

    @Test
    void coalescesRepeatsAndIgnoresTheOrderDeliveriesArrivedIn() {
        List<String> payloads = new ArrayList<>(List.of(
                "products/update|PRODUCT|" + SNOWBOARD, "products/update|PRODUCT|" + SNOWBOARD,
                "products/delete|PRODUCT_DELETED|" + SNOWBOARD, "products/delete|PRODUCT_DELETED|" + BINDINGS,
                "inventory_levels/update|INVENTORY_ITEM|gid://shopify/InventoryItem/9", "shop/update|SHOP|shop"));
        ChangeSet inOrder = ChangeSet.of(payloads);
        Collections.reverse(payloads);
        ChangeSet reversed = ChangeSet.of(payloads);

        for (ChangeSet set : List.of(inOrder, reversed)) {
            assertThat(set.products()).as("changed and deleted: read again, which tells").containsExactly(SNOWBOARD);
            assertThat(set.deletedProducts()).containsExactly(BINDINGS);
            assertThat(set.inventoryItems()).containsExactly("gid://shopify/InventoryItem/9");
            assertThat(set.shop()).isTrue();
        }
        assertThat(inOrder.topics()).containsExactly("products/update", "products/delete", "inventory_levels/update", "shop/update");
    }

    @Test
    void skipsPayloadsItCannotRead() {
        ChangeSet set = ChangeSet.of(List.of("garbage", "products/update|NO_KIND|" + SNOWBOARD,
                "products/update|PRODUCT|gid://shopify/Product/x", "products/update|PRODUCT|" + BINDINGS));
        assertThat(set.products()).containsExactly(BINDINGS);
    }

    /** A batch's changes of one store: one a line, as few payloads as the column holds, read back whole. */
    @Test
    void manyChangesGoInAsFewPayloadsAsTheirColumnHoldsAndReadBackWhole() {
        List<String> changes = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            changes.add("products/update|PRODUCT|gid://shopify/Product/" + (8_100_000_000_000L + i));
        }
        changes.add(changes.get(0)); // twice in the batch: once in the payload

        List<String> payloads = ChangeSet.lines(changes);

        assertThat(payloads).hasSize(4).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(ChangeSet.PAYLOAD_MAX));
        assertThat(payloads.stream().mapToLong(p -> p.lines().count()).sum()).isEqualTo(1000);
        assertThat(ChangeSet.of(payloads).products()).hasSize(1000);
        assertThat(ChangeSet.lines(List.of())).isEmpty();
    }

    private static JsonObject body(String key, String value) {
        return Json.createObjectBuilder().add(key, value).build();
    }
}

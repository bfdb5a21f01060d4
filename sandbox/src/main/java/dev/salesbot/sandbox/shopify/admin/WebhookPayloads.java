package dev.salesbot.sandbox.shopify.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies Shopify's webhooks carry, per topic, in the REST resource shape Shopify sends them in
 * (snake_case fields, numeric ids beside {@code admin_graphql_api_id}), as documented under
 * https://shopify.dev/docs/api/webhooks ("products/update", "inventory_levels/update", …).
 * Only the fields an app such as this one reads are filled; Shopify sends more.
 */
final class WebhookPayloads {

    private WebhookPayloads() {
    }

    static Map<String, Object> product(CatalogProduct p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("admin_graphql_api_id", Ids.gid("Product", p.id()));
        m.put("title", p.title());
        m.put("handle", p.handle());
        m.put("status", p.status().toLowerCase(java.util.Locale.ROOT));
        m.put("vendor", p.vendor());
        m.put("product_type", p.productType());
        m.put("updated_at", p.updatedAt().toString());
        m.put("variants", p.variants().stream().map(v -> {
            Map<String, Object> variant = new LinkedHashMap<>();
            variant.put("id", v.id());
            variant.put("admin_graphql_api_id", Ids.gid("ProductVariant", v.id()));
            variant.put("product_id", p.id());
            variant.put("sku", v.sku());
            variant.put("price", v.price().toPlainString());
            variant.put("inventory_item_id", v.inventoryItemId());
            variant.put("inventory_quantity", v.inventoryQuantity());
            return variant;
        }).toList());
        return m;
    }

    static Map<String, Object> productDeleted(long id) {
        return Map.of("id", id);
    }

    static Map<String, Object> inventoryLevel(CatalogProduct.Variant v, long locationId, Instant when) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inventory_item_id", v.inventoryItemId());
        m.put("location_id", locationId);
        m.put("available", v.inventoryQuantity());
        m.put("updated_at", when.toString());
        m.put("admin_graphql_api_id", "gid://shopify/InventoryLevel/" + locationId + "?inventory_item_id=" + v.inventoryItemId());
        return m;
    }

    static Map<String, Object> collection(CatalogCollection c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("admin_graphql_api_id", Ids.gid("Collection", c.id()));
        m.put("handle", c.handle());
        m.put("title", c.title());
        m.put("updated_at", c.updatedAt().toString());
        return m;
    }

    static Map<String, Object> shop(ShopProfile s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("domain", s.primaryDomainHost());
        m.put("myshopify_domain", s.myshopifyDomain());
        m.put("currency", s.currencyCode());
        return m;
    }

    /** {@code shop/redact}, 48 hours after an uninstall (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance). */
    static Map<String, Object> shopRedact(ShopProfile s) {
        return Map.of("shop_id", s.id(), "shop_domain", s.myshopifyDomain());
    }

    static Map<String, Object> customersRedact(ShopProfile s, long customerId) {
        return Map.of("shop_id", s.id(), "shop_domain", s.myshopifyDomain(),
                "customer", Map.of("id", customerId, "email", "customer-" + customerId + "@example.com"),
                "orders_to_redact", List.of());
    }

    static Map<String, Object> customersDataRequest(ShopProfile s, long customerId, long requestId) {
        return Map.of("shop_id", s.id(), "shop_domain", s.myshopifyDomain(),
                "customer", Map.of("id", customerId, "email", "customer-" + customerId + "@example.com"),
                "orders_requested", List.of(), "data_request", Map.of("id", requestId));
    }
}

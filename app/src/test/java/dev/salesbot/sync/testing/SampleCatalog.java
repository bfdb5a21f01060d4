package dev.salesbot.sync.testing;

import dev.salesbot.sandbox.shopify.admin.JsonValues;
import dev.salesbot.sync.shopify.catalog.BotDigest;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Acme Snow Co, a snowboard shop, as {@link CatalogFetch#all()} stores it: every connection paged
 * to its end. Named data for tests of what is done with a fetched catalog ({@link BotDigest});
 * the fetch itself is tested against the sandbox's Shopify. {@link #standard()} is small;
 * {@link #large()} adds 600 wax products in one collection and a discount with 3,000 unique codes
 * and 12 products.
 */
public final class SampleCatalog {

    public static final String SHOP = "acme-7cu19ngr.myshopify.com";
    static final String COMPLETE_SNOWBOARD = "gid://shopify/Product/7001";
    static final String HYDROGEN_HOODIE = "gid://shopify/Product/7002";
    static final String CUSTOM_BIKE = "gid://shopify/Product/7003";
    static final String ARCTIC_GOGGLES_DRAFT = "gid://shopify/Product/7004";
    static final String DELETED_PRODUCT = "gid://shopify/Product/7999";
    static final String SNOWBOARDS = "gid://shopify/Collection/8001";
    static final String ALL_WAX = "gid://shopify/Collection/8002";
    static final String VIP_DISCOUNT = "gid://shopify/DiscountCodeNode/9006";
    static final int WAX_PRODUCTS = 600;
    static final int BIKE_VARIANTS = 120;
    static final int VIP_CODES = 3000;

    private final List<Map<String, Object>> products = new ArrayList<>();
    private final List<Map<String, Object>> discounts = new ArrayList<>();
    private final List<Map<String, Object>> collections = new ArrayList<>();

    /** Lists under these keys are connections in the Admin schema; every other list stays a plain list. */
    private static final Set<String> CONNECTIONS = Set.of("products", "variants", "codes", "productVariants", "collections");

    public static JsonObject standard() {
        return new SampleCatalog().withCore().document();
    }

    public static JsonObject large() {
        return new SampleCatalog().withCore().withWax().document();
    }

    private SampleCatalog withCore() {
        Map<String, Object> board = product(COMPLETE_SNOWBOARD, "The Complete Snowboard", "ACTIVE", "Color",
                List.of(variant(1, "Ice", "699.95", null, 10), variant(2, "Dawn", "749.95", null, 3),
                        variant(3, "Powder", "699.95", null, 0)));
        Map<String, Object> hoodie = product(HYDROGEN_HOODIE, "Hydrogen Hoodie", "ACTIVE", "Size",
                List.of(variant(11, "S", "59.00", "79.00", 0), variant(12, "M", "59.00", "79.00", 0)));
        hoodie.put("featuredMedia", null);
        List<Map<String, Object>> bikeVariants = IntStream.rangeClosed(1, BIKE_VARIANTS)
                .mapToObj(i -> variant(100 + i, "Frame " + i, String.valueOf(1200 + i) + ".00", null, i % 4))
                .toList();
        Map<String, Object> bike = product(CUSTOM_BIKE, "Custom Bike Builder", "ACTIVE", "Frame", bikeVariants);
        Map<String, Object> goggles = product(ARCTIC_GOGGLES_DRAFT, "Arctic Goggles", "DRAFT", "Title",
                List.of(variant(21, "Default Title", "89.00", null, 5)));
        products.addAll(List.of(board, hoodie, bike, goggles));
        collections.add(collection(SNOWBOARDS, "Snowboards", List.of(board)));
        discounts.add(codeDiscount("9001", "DiscountCodeBasic", "Summer sale", "ACTIVE", List.of("SUMMER10"),
                Map.of("__typename", "DiscountPercentage", "percentage", 0.1), allItems()));
        discounts.add(codeDiscount("9002", "DiscountCodeBasic", "Boards 15% off", "ACTIVE", List.of("BOARDS15"),
                Map.of("__typename", "DiscountPercentage", "percentage", 0.15), collectionItems(List.of(collections.get(0)))));
        discounts.add(codeDiscount("9003", "DiscountCodeBasic", "Hoodie $5 off", "ACTIVE", List.of("HOODIE5"),
                amount("5.00"), productItems(List.of(), List.of(firstVariantOf(hoodie)))));
        discounts.add(codeDiscount("9004", "DiscountCodeFreeShipping", "Free shipping", "ACTIVE", List.of("FREESHIP"), null, null));
        discounts.add(codeDiscount("9005", "DiscountCodeBasic", "Winter clearance", "EXPIRED", List.of("WINTER20"),
                Map.of("__typename", "DiscountPercentage", "percentage", 0.2), allItems()));
        Map<String, Object> automatic = new HashMap<>(Map.of("__typename", "DiscountNode", "id", "gid://shopify/DiscountAutomaticNode/9100",
                "discount", Map.of("__typename", "DiscountAutomaticBasic", "title", "Spring automatic")));
        discounts.add(automatic);
        return this;
    }

    private SampleCatalog withWax() {
        List<Map<String, Object>> wax = IntStream.rangeClosed(1, WAX_PRODUCTS)
                .mapToObj(i -> product("gid://shopify/Product/" + (10_000 + i), "Ski Wax No. " + i, "ACTIVE", "Title",
                        List.of(variant(10_000 + i, "Default Title", "12.50", null, 50))))
                .toList();
        products.addAll(wax);
        collections.add(collection(ALL_WAX, "All Wax", wax));
        List<String> codes = IntStream.rangeClosed(1, VIP_CODES).mapToObj(i -> String.format("VIP-%04d", i)).toList();
        discounts.add(codeDiscount("9006", "DiscountCodeBasic", "VIP wax", "ACTIVE", codes,
                Map.of("__typename", "DiscountPercentage", "percentage", 0.25), productItems(wax.subList(0, 12), List.of())));
        return this;
    }

    /** {@code {"data": {shop, products, codeDiscountNodes, collections}}}; automatic discounts are not fetched. */
    private JsonObject document() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("shop", shop());
        data.put("products", connection(products));
        data.put("codeDiscountNodes", connection(discounts.stream()
                .filter(d -> String.valueOf(((Map<?, ?>) d.get("discount")).get("__typename")).startsWith("DiscountCode"))
                .toList()));
        data.put("collections", connection(collections));
        return JsonValues.toJson(Map.of("data", data)).asJsonObject();
    }

    private static Map<String, Object> connection(List<?> nodes) {
        List<Map<String, Object>> edges = IntStream.range(0, nodes.size())
                .mapToObj(i -> Map.of("cursor", "cursor:" + i, "node", withConnections(nodes.get(i))))
                .toList();
        Map<String, Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", false);
        pageInfo.put("endCursor", edges.isEmpty() ? null : "cursor:" + (edges.size() - 1));
        return Map.of("edges", edges, "pageInfo", pageInfo);
    }

    private static Object withConnections(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, child) -> copy.put((String) key, CONNECTIONS.contains(key) && child instanceof List<?> list
                ? connection(list) : withConnections(child)));
        return copy;
    }

    private static Map<String, Object> shop() {
        return Map.of("name", "Acme Snow Co", "myshopifyDomain", SHOP, "currencyCode", "USD",
                "contactEmail", "hello@acme-snow.example",
                "primaryDomain", Map.of("url", "https://acme-snow.example", "host", "acme-snow.example"),
                "shopPolicies", List.of(Map.of("type", "REFUND_POLICY", "title", "Refund policy",
                        "url", "https://acme-snow.example/policies/refund-policy", "body", "<p>30 days.</p>")));
    }

    private static Map<String, Object> product(String id, String title, String status, String option,
                                               List<Map<String, Object>> variants) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("__typename", "Product");
        product.put("id", id);
        product.put("title", title);
        product.put("handle", title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        product.put("description", title + " from Acme Snow Co.");
        product.put("status", status);
        product.put("vendor", "Acme");
        product.put("productType", "Snow");
        product.put("tags", List.of("winter"));
        product.put("updatedAt", "2026-01-15T10:00:00Z");
        product.put("featuredMedia", Map.of("__typename", "MediaImage", "preview", Map.of("image",
                Map.of("url", "https://cdn.shopify.example/" + id.substring(id.lastIndexOf('/') + 1) + ".jpg", "altText", title))));
        product.put("options", List.of(Map.of("name", option,
                "values", variants.stream().map(v -> v.get("title")).distinct().toList())));
        variants.forEach(v -> v.put("product", Map.of("id", id)));
        product.put("variants", variants);
        return product;
    }

    private static Map<String, Object> variant(int number, String title, String price, String compareAt, int stock) {
        Map<String, Object> variant = new HashMap<>();
        variant.put("id", "gid://shopify/ProductVariant/" + (50_000 + number));
        variant.put("title", title);
        variant.put("sku", "SKU-" + number);
        variant.put("price", price);
        variant.put("compareAtPrice", compareAt);
        variant.put("inventoryQuantity", stock);
        variant.put("availableForSale", stock > 0);
        variant.put("selectedOptions", List.of(Map.of("name", "Option", "value", title)));
        return variant;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstVariantOf(Map<String, Object> product) {
        return ((List<Map<String, Object>>) product.get("variants")).get(0);
    }

    private static Map<String, Object> collection(String id, String title, List<Map<String, Object>> members) {
        return Map.of("__typename", "Collection", "id", id, "title", title, "handle", title.toLowerCase().replace(' ', '-'),
                "description", title + " at Acme.", "updatedAt", "2026-01-10T09:00:00Z", "products", members);
    }

    private static Map<String, Object> codeDiscount(String number, String type, String title, String status,
                                                    List<String> codes, Map<String, Object> value, Map<String, Object> items) {
        Map<String, Object> discount = new HashMap<>();
        discount.put("__typename", type);
        discount.put("title", title);
        discount.put("status", status);
        discount.put("startsAt", "2026-01-01T00:00:00Z");
        discount.put("endsAt", "EXPIRED".equals(status) ? "2026-01-05T00:00:00Z" : null);
        discount.put("summary", title + " summary");
        discount.put("codes", codes.stream().map(c -> Map.of("code", c)).toList());
        if (value != null) {
            discount.put("customerGets", Map.of("value", value, "items", items));
        }
        return new HashMap<>(Map.of("__typename", "DiscountNode", "id", "gid://shopify/DiscountCodeNode/" + number,
                "discount", discount));
    }

    private static Map<String, Object> amount(String value) {
        return Map.of("__typename", "DiscountAmount", "amount", Map.of("amount", value, "currencyCode", "USD"),
                "appliesOnEachItem", false);
    }

    private static Map<String, Object> allItems() {
        return Map.of("__typename", "AllDiscountItems", "allItems", true);
    }

    private static Map<String, Object> collectionItems(List<Map<String, Object>> members) {
        return Map.of("__typename", "DiscountCollections", "collections", members);
    }

    private static Map<String, Object> productItems(List<Map<String, Object>> members, List<Map<String, Object>> variants) {
        return Map.of("__typename", "DiscountProducts", "products", members, "productVariants", variants);
    }
}

package dev.salesbot.sync.shopify.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.salesbot.sync.shopify.control.AdminQueries.*;

/**
 * Fetches one shop's catalog through a {@link PacedAdmin}: the full document for a connect or a
 * poll, or a few products by id for a webhook-driven partial sync.
 */
public final class CatalogFetch {

    private static final System.Logger LOGGER = System.getLogger(CatalogFetch.class.getName());
    private static final Pattern PRODUCT_ID = Pattern.compile("^gid://shopify/Product/[0-9]+$");

    static final List<NestedConnection> PRODUCT_NESTED = List.of(
            new NestedConnection(List.of("variants"), PRODUCT_VARIANTS, List.of("product", "variants"), PRODUCT_VARIANTS_COST));

    static final List<NestedConnection> DISCOUNT_NESTED = List.of(
            new NestedConnection(List.of("discount", "codes"), DISCOUNT_CODES,
                    List.of("discountNode", "discount", "codes"), DISCOUNT_CODES_COST),
            new NestedConnection(List.of("discount", "customerGets", "items", "products"), DISCOUNT_PRODUCTS,
                    List.of("discountNode", "discount", "customerGets", "items", "products"), DISCOUNT_PRODUCTS_COST),
            new NestedConnection(List.of("discount", "customerGets", "items", "productVariants"), DISCOUNT_VARIANTS,
                    List.of("discountNode", "discount", "customerGets", "items", "productVariants"), DISCOUNT_VARIANTS_COST),
            new NestedConnection(List.of("discount", "customerGets", "items", "collections"), DISCOUNT_COLLECTIONS,
                    List.of("discountNode", "discount", "customerGets", "items", "collections"), DISCOUNT_COLLECTIONS_COST));

    static final List<NestedConnection> COLLECTION_NESTED = List.of(
            new NestedConnection(List.of("products"), COLLECTION_PRODUCTS, List.of("collection", "products"), COLLECTION_PRODUCTS_COST));

    private final String shop;
    private final PacedAdmin admin;
    private final ConnectionPages pages;

    public CatalogFetch(String shop, PacedAdmin admin) {
        this.shop = shop;
        this.admin = admin;
        this.pages = new ConnectionPages(admin);
    }

    /**
     * The whole catalog as {@code {"data": {"shop", "products", "codeDiscountNodes", "collections"}}},
     * every connection paged to its end; {@code shop.shopPolicies} too when {@code withPolicies}
     * and Shopify does not deny them. The shop is fetched last: pacing leaves unspent only the last
     * request's reserved-but-unused points, so the cheapest request goes last.
     */
    public JsonObject all(boolean withPolicies) {
        JsonObject products = pages.all("products", PRODUCTS, Json.createObjectBuilder()
                .add("first", PRODUCTS_PAGE).add("variantsFirst", VARIANTS_PER_PRODUCT).build(),
                PRODUCTS_COST, PRODUCT_NESTED);
        JsonObject discounts = pages.all("codeDiscountNodes", DISCOUNTS, Json.createObjectBuilder()
                .add("first", DISCOUNTS_PAGE).add("codesFirst", CODES_PER_DISCOUNT).add("itemsFirst", ITEMS_PER_DISCOUNT).build(),
                DISCOUNTS_COST, DISCOUNT_NESTED);
        JsonObject collections = pages.all("collections", COLLECTIONS, Json.createObjectBuilder()
                .add("first", COLLECTIONS_PAGE).add("productsFirst", PRODUCTS_PER_COLLECTION).build(),
                COLLECTIONS_COST, COLLECTION_NESTED);
        JsonObject shopData = admin.data(SHOP, JsonValue.EMPTY_JSON_OBJECT, SHOP_COST).getJsonObject("shop");
        if (withPolicies) {
            shopData = withPolicies(shopData);
        }
        FetchStats stats = admin.stats();
        LOGGER.log(System.Logger.Level.INFO,
                "Fetched catalog of {0}: {1} products, {2} code discounts, {3} collections in {4} requests"
                        + " (actual cost {5}, throttled {6}, waited {7} ms)",
                shop, products.getJsonArray("edges").size(), discounts.getJsonArray("edges").size(),
                collections.getJsonArray("edges").size(), stats.requests(), stats.actualCost(),
                stats.throttled(), stats.waited().toMillis());
        return Json.createObjectBuilder().add("data", Json.createObjectBuilder()
                .add("shop", shopData)
                .add("products", products)
                .add("codeDiscountNodes", discounts)
                .add("collections", collections)).build();
    }

    private JsonObject withPolicies(JsonObject shopData) {
        try {
            JsonObject policies = admin.data(SHOP_POLICIES, JsonValue.EMPTY_JSON_OBJECT, SHOP_POLICIES_COST).getJsonObject("shop");
            return Json.createObjectBuilder(shopData).add("shopPolicies", policies.get("shopPolicies")).build();
        } catch (ShopifyAccessDeniedException e) {
            LOGGER.log(System.Logger.Level.INFO, "Shopify denied the legal policies of {0} ({1}); the snapshot has none",
                    shop, String.join("; ", e.requiredAccess()));
            return shopData;
        }
    }

    /** The products with these ids ({@code gid://shopify/Product/…}), each complete, in batches of 15. */
    public ProductFetch products(List<String> ids) {
        for (String id : ids) {
            if (id == null || !PRODUCT_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a Shopify product id: " + id);
            }
        }
        List<String> unique = ids.stream().distinct().toList();
        List<JsonObject> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += PRODUCTS_BY_ID_BATCH) {
            List<String> batch = unique.subList(from, Math.min(unique.size(), from + PRODUCTS_BY_ID_BATCH));
            JsonArrayBuilder idArray = Json.createArrayBuilder();
            batch.forEach(idArray::add);
            JsonObject data = admin.data(PRODUCTS_BY_ID, Json.createObjectBuilder()
                    .add("ids", idArray).add("variantsFirst", VARIANTS_PER_PRODUCT).build(),
                    productsByIdCost(batch.size()));
            List<JsonValue> nodes = data.getJsonArray("nodes");
            for (int i = 0; i < batch.size(); i++) {
                JsonValue node = i < nodes.size() ? nodes.get(i) : JsonValue.NULL;
                // Null: deleted. An object without id: the id now names something that is not a product.
                if (node instanceof JsonObject product && product.containsKey("id")) {
                    found.add(pages.complete(product, PRODUCT_NESTED));
                } else {
                    missing.add(batch.get(i));
                }
            }
        }
        return new ProductFetch(found, missing);
    }
}

package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.json.JsonPaths;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.entity.AccessScopes;
import dev.salesbot.sync.shopify.graphql.FetchStats;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyAccessDeniedException;
import java.util.function.LongConsumer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import static dev.salesbot.sync.shopify.catalog.CatalogQueries.*;

/**
 * Fetches one shop's catalog through a {@link PacedGraphql}: the full document for a connect or a
 * poll, or a few products, collections and discounts by id (and the products of inventory items)
 * for a webhook-driven partial sync; every node in the stored shape ({@link EdgePager}).
 */
public final class CatalogFetch {

    private static final System.Logger LOGGER = System.getLogger(CatalogFetch.class.getName());
    private static final Pattern PRODUCT_ID = Pattern.compile("^gid://shopify/Product/[0-9]+$");
    private static final Pattern COLLECTION_ID = Pattern.compile("^gid://shopify/Collection/[0-9]+$");
    private static final Pattern DISCOUNT_ID = Pattern.compile("^gid://shopify/Discount(Code|Automatic)?Node/[0-9]+$");
    private static final Pattern INVENTORY_ITEM_ID = Pattern.compile("^gid://shopify/InventoryItem/[0-9]+$");

    static final List<NestedEdges> PRODUCT_NESTED = List.of(
            new NestedEdges(List.of("variants"), PRODUCT_VARIANTS, List.of("product", "variants"), PRODUCT_VARIANTS_COST));

    static final List<NestedEdges> DISCOUNT_NESTED = List.of(
            new NestedEdges(List.of("discount", "codes"), DISCOUNT_CODES,
                    List.of("discountNode", "discount", "codes"), DISCOUNT_CODES_COST),
            new NestedEdges(List.of("discount", "customerGets", "items", "products"), DISCOUNT_PRODUCTS,
                    List.of("discountNode", "discount", "customerGets", "items", "products"), DISCOUNT_PRODUCTS_COST),
            new NestedEdges(List.of("discount", "customerGets", "items", "productVariants"), DISCOUNT_VARIANTS,
                    List.of("discountNode", "discount", "customerGets", "items", "productVariants"), DISCOUNT_VARIANTS_COST),
            new NestedEdges(List.of("discount", "customerGets", "items", "collections"), DISCOUNT_COLLECTIONS,
                    List.of("discountNode", "discount", "customerGets", "items", "collections"), DISCOUNT_COLLECTIONS_COST));

    static final List<NestedEdges> COLLECTION_NESTED = List.of(
            new NestedEdges(List.of("products"), COLLECTION_PRODUCTS, List.of("collection", "products"), COLLECTION_PRODUCTS_COST));

    private final String shop;
    private final PacedGraphql graphql;
    private final EdgePager pages;

    /** Whether a grant covers the store's legal policies (they are read only then, in a query of their own). */
    public static boolean policiesGranted(String grantedScope) {
        return AccessScopes.covers(AccessScopes.parse(grantedScope), "read_legal_policies");
    }

    public CatalogFetch(String shop, PacedGraphql graphql) {
        this.shop = shop;
        this.graphql = graphql;
        this.pages = new EdgePager(graphql);
    }

    /**
     * The whole catalog as {@code {"data": {"shop", "products", "codeDiscountNodes", "collections"}}},
     * every connection paged to its end; {@code shop.shopPolicies} too when {@code withPolicies}
     * and Shopify does not deny them. The shop is fetched last: pacing leaves unspent only the last
     * request's reserved-but-unused points, so the cheapest request goes last.
     */
    public JsonObject all(boolean withPolicies) {
        return all(withPolicies, n -> { });
    }

    /** {@link #all(boolean)}, telling {@code productsFetched} how many products are in after each page (progress). */
    public JsonObject all(boolean withPolicies, LongConsumer productsFetched) {
        JsonObject products = pagedProducts(productsFetched);
        JsonObject discounts = pagedDiscounts();
        JsonObject collections = pagedCollections();
        return document(shop(withPolicies), products, discounts, collections, "");
    }

    /**
     * The whole catalog, as {@link #all(boolean, LongConsumer)}, written into {@code spool} node by
     * node as the pages arrive: nothing of it is held. Logs the same line.
     */
    public void all(boolean withPolicies, LongConsumer productsFetched, CatalogSpool spool) {
        pagedProducts(productsFetched, spool.products());
        pagedDiscounts(spool.discounts());
        pagedCollections(spool.collections());
        spool.shop(shop(withPolicies));
        logFetched(spool, "");
    }

    /** Every product, paged, into {@code into}. */
    public void pagedProducts(LongConsumer productsFetched, CatalogSpool.Connection into) {
        pages.each("products", PRODUCTS, Jsonp.createObjectBuilder()
                .add("first", PRODUCTS_PAGE).add("variantsFirst", VARIANTS_PER_PRODUCT).build(),
                PRODUCTS_COST, PRODUCT_NESTED, productsFetched, into::add);
    }

    /** Every code discount, paged, into {@code into}. */
    public void pagedDiscounts(CatalogSpool.Connection into) {
        pages.each("codeDiscountNodes", DISCOUNTS, Jsonp.createObjectBuilder()
                .add("first", DISCOUNTS_PAGE).add("codesFirst", CODES_PER_DISCOUNT).add("itemsFirst", ITEMS_PER_DISCOUNT).build(),
                DISCOUNTS_COST, DISCOUNT_NESTED, n -> { }, into::add);
    }

    /** Every collection, paged, into {@code into}. */
    public void pagedCollections(CatalogSpool.Connection into) {
        pages.each("collections", COLLECTIONS, Jsonp.createObjectBuilder()
                .add("first", COLLECTIONS_PAGE).add("productsFirst", PRODUCTS_PER_COLLECTION).build(),
                COLLECTIONS_COST, COLLECTION_NESTED, n -> { }, into::add);
    }

    /** The fetch's log line for a spooled catalog ({@code how}: "" or " through …"). */
    public void logFetched(CatalogSpool spool, String how) {
        FetchStats stats = graphql.stats();
        LOGGER.log(System.Logger.Level.INFO,
                "Fetched catalog of {0}: {1} products, {2} code discounts, {3} collections in {4} requests"
                        + " (actual cost {5}, throttled {6}, waited {7} ms){8}",
                shop, spool.products().count(), spool.discounts().count(), spool.collections().count(), stats.requests(),
                stats.actualCost(), stats.throttled(), stats.waited().toMillis(), how);
    }

    /** Every product, paged: the whole {@code products} connection. */
    public JsonObject pagedProducts(LongConsumer productsFetched) {
        return pages.all("products", PRODUCTS, Jsonp.createObjectBuilder()
                .add("first", PRODUCTS_PAGE).add("variantsFirst", VARIANTS_PER_PRODUCT).build(),
                PRODUCTS_COST, PRODUCT_NESTED, productsFetched);
    }

    /** Every code discount, paged. */
    public JsonObject pagedDiscounts() {
        return pages.all("codeDiscountNodes", DISCOUNTS, Jsonp.createObjectBuilder()
                .add("first", DISCOUNTS_PAGE).add("codesFirst", CODES_PER_DISCOUNT).add("itemsFirst", ITEMS_PER_DISCOUNT).build(),
                DISCOUNTS_COST, DISCOUNT_NESTED);
    }

    /** Every collection, paged. */
    public JsonObject pagedCollections() {
        return pages.all("collections", COLLECTIONS, Jsonp.createObjectBuilder()
                .add("first", COLLECTIONS_PAGE).add("productsFirst", PRODUCTS_PER_COLLECTION).build(),
                COLLECTIONS_COST, COLLECTION_NESTED);
    }

    /** How many products the store has: one cheap query, before choosing paging or bulk operations. */
    public long productsCount() {
        JsonObject count = graphql.data(PRODUCTS_COUNT, JsonValue.EMPTY_JSON_OBJECT, PRODUCTS_COUNT_COST).getJsonObject("productsCount");
        return count == null ? 0 : count.getJsonNumber("count").longValue();
    }

    /** The catalog document from its four parts, with the log line of the fetch ({@code how}: "" or " through …"). */
    public JsonObject document(JsonObject shopData, JsonObject products, JsonObject discounts, JsonObject collections, String how) {
        FetchStats stats = graphql.stats();
        LOGGER.log(System.Logger.Level.INFO,
                "Fetched catalog of {0}: {1} products, {2} code discounts, {3} collections in {4} requests"
                        + " (actual cost {5}, throttled {6}, waited {7} ms){8}",
                shop, products.getJsonArray("edges").size(), discounts.getJsonArray("edges").size(),
                collections.getJsonArray("edges").size(), stats.requests(), stats.actualCost(),
                stats.throttled(), stats.waited().toMillis(), how);
        return Jsonp.createObjectBuilder().add("data", Jsonp.createObjectBuilder()
                .add("shop", shopData)
                .add("products", products)
                .add("codeDiscountNodes", discounts)
                .add("collections", collections)).build();
    }

    private JsonObject withPolicies(JsonObject shopData) {
        try {
            JsonObject policies = graphql.data(SHOP_POLICIES, JsonValue.EMPTY_JSON_OBJECT, SHOP_POLICIES_COST).getJsonObject("shop");
            return Jsonp.createObjectBuilder(shopData).add("shopPolicies", policies.get("shopPolicies")).build();
        } catch (ShopifyAccessDeniedException e) {
            LOGGER.log(System.Logger.Level.INFO, "Shopify denied the legal policies of {0} ({1}); the snapshot has none",
                    shop, String.join("; ", e.requiredAccess()));
            return shopData;
        }
    }

    /** The products with these ids ({@code gid://shopify/Product/…}), each complete, in batches of 15. */
    public NodeFetch products(List<String> ids) {
        return byId(ids, PRODUCT_ID, PRODUCTS_BY_ID_BATCH, batch -> graphql.data(PRODUCTS_BY_ID, Jsonp.createObjectBuilder()
                .add("ids", array(batch)).add("variantsFirst", VARIANTS_PER_PRODUCT).build(), productsByIdCost(batch.size())),
                PRODUCT_NESTED);
    }

    /** The collections with these ids ({@code gid://shopify/Collection/…}), each complete, in batches of 20. */
    public NodeFetch collections(List<String> ids) {
        return byId(ids, COLLECTION_ID, COLLECTIONS_BY_ID_BATCH, batch -> graphql.data(COLLECTIONS_BY_ID, Jsonp.createObjectBuilder()
                .add("ids", array(batch)).add("productsFirst", PRODUCTS_PER_COLLECTION).build(), collectionsByIdCost(batch.size())),
                COLLECTION_NESTED);
    }

    /**
     * The code discount with this id, complete, as a node of {@code codeDiscountNodes}; empty when
     * there is none (deleted) or it is not a code discount (an automatic one is not stored).
     */
    public Optional<JsonObject> codeDiscount(String id) {
        if (id == null || !DISCOUNT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Shopify discount id: " + id);
        }
        JsonObject data = graphql.data(DISCOUNT_BY_ID, Jsonp.createObjectBuilder().add("id", id)
                .add("codesFirst", CODES_PER_DISCOUNT).add("itemsFirst", ITEMS_PER_DISCOUNT).build(), DISCOUNT_BY_ID_COST);
        if (!(data.get("discountNode") instanceof JsonObject node) || !(node.get("discount") instanceof JsonObject discount)
                || !discount.getString("__typename", "").startsWith("DiscountCode")) {
            return Optional.empty();
        }
        return Optional.of(pages.complete(node, DISCOUNT_NESTED));
    }

    /** The products the inventory items ({@code gid://shopify/InventoryItem/…}) belong to, each once. */
    public List<String> productsOfInventoryItems(List<String> itemIds) {
        for (String id : itemIds) {
            if (id == null || !INVENTORY_ITEM_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a Shopify inventory item id: " + id);
            }
        }
        List<String> unique = itemIds.stream().distinct().toList();
        Set<String> products = new LinkedHashSet<>();
        for (int from = 0; from < unique.size(); from += INVENTORY_ITEMS_BATCH) {
            List<String> batch = unique.subList(from, Math.min(unique.size(), from + INVENTORY_ITEMS_BATCH));
            JsonObject data = graphql.data(INVENTORY_ITEMS, Jsonp.createObjectBuilder().add("ids", array(batch)).build(),
                    inventoryItemsCost(batch.size()));
            for (JsonValue node : data.getJsonArray("nodes")) {
                if (node instanceof JsonObject item && JsonPaths.at(item, List.of("variants", "nodes")) instanceof jakarta.json.JsonArray variants) {
                    for (JsonValue variant : variants) {
                        if (variant instanceof JsonObject v && JsonPaths.at(v, List.of("product", "id")) instanceof JsonString product) {
                            products.add(product.getString());
                        }
                    }
                }
            }
        }
        return List.copyOf(products);
    }

    /** The shop, with its legal policies when {@code withPolicies} and Shopify does not deny them. */
    public JsonObject shop(boolean withPolicies) {
        JsonObject shopData = graphql.data(SHOP, JsonValue.EMPTY_JSON_OBJECT, SHOP_COST).getJsonObject("shop");
        return withPolicies ? withPolicies(shopData) : shopData;
    }

    private NodeFetch byId(List<String> ids, Pattern idPattern, int batchSize, Function<List<String>, JsonObject> fetch,
                           List<NestedEdges> nested) {
        for (String id : ids) {
            if (id == null || !idPattern.matcher(id).matches()) {
                throw new IllegalArgumentException("not a Shopify id of that type: " + id);
            }
        }
        List<String> unique = ids.stream().distinct().toList();
        List<JsonObject> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += batchSize) {
            List<String> batch = unique.subList(from, Math.min(unique.size(), from + batchSize));
            List<JsonValue> nodes = fetch.apply(batch).getJsonArray("nodes");
            for (int i = 0; i < batch.size(); i++) {
                JsonValue node = i < nodes.size() ? nodes.get(i) : JsonValue.NULL;
                // Null: deleted. An object without id: the id now names something of another type.
                if (node instanceof JsonObject object && object.containsKey("id")) {
                    found.add(pages.complete(object, nested));
                } else {
                    missing.add(batch.get(i));
                }
            }
        }
        return new NodeFetch(found, missing);
    }

    private static JsonArrayBuilder array(List<String> ids) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        ids.forEach(array::add);
        return array;
    }
}

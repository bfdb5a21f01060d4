package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.json.JsonPaths;
import dev.salesbot.sync.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored store snapshot being patched with nodes fetched by id: products, collections and code
 * discounts are replaced or removed by id, and each list is kept in Shopify's default order (ID
 * ascending, as the full fetch pages them), so that the patched document is exactly the one a full
 * fetch of the same store would write.
 */
public final class SnapshotPatch {

    private static final List<String> TOP = List.of("products", "collections", "codeDiscountNodes");

    private final JsonObject data;
    private final Map<String, Map<String, JsonObject>> nodes = new LinkedHashMap<>();
    private JsonObject shop;

    private SnapshotPatch(JsonObject document) {
        this.data = document.getJsonObject("data");
        this.shop = data.getJsonObject("shop");
        for (String connection : TOP) {
            Map<String, JsonObject> byId = new LinkedHashMap<>();
            for (JsonValue edge : edges(data, connection)) {
                JsonObject node = edge.asJsonObject().getJsonObject("node");
                byId.put(node.getString("id"), node);
            }
            nodes.put(connection, byId);
        }
    }

    public static SnapshotPatch of(JsonObject document) {
        return new SnapshotPatch(document);
    }

    public void putProducts(Collection<JsonObject> fetched) {
        fetched.forEach(n -> nodes.get("products").put(n.getString("id"), n));
    }

    public void removeProducts(Collection<String> ids) {
        ids.forEach(nodes.get("products")::remove);
    }

    public void putCollections(Collection<JsonObject> fetched) {
        fetched.forEach(n -> nodes.get("collections").put(n.getString("id"), n));
    }

    public void removeCollections(Collection<String> ids) {
        ids.forEach(nodes.get("collections")::remove);
    }

    public void putDiscount(JsonObject node) {
        nodes.get("codeDiscountNodes").put(node.getString("id"), node);
    }

    public void removeDiscounts(Collection<String> ids) {
        ids.forEach(nodes.get("codeDiscountNodes")::remove);
    }

    public void shop(JsonObject fetched) {
        this.shop = fetched;
    }

    /** The collections whose stored products include any of {@code productIds} (a deleted product leaves them). */
    public List<String> collectionsHolding(Collection<String> productIds) {
        return nodes.get("collections").values().stream()
                .filter(c -> holdsAny(c, productIds))
                .map(c -> c.getString("id")).toList();
    }

    /** The discounts whose stored items name any of {@code productIds}, directly or through a variant. */
    public List<String> discountsNaming(Collection<String> productIds) {
        List<String> naming = new ArrayList<>();
        for (JsonObject discount : nodes.get("codeDiscountNodes").values()) {
            if (namesAny(discount, productIds)) {
                naming.add(discount.getString("id"));
            }
        }
        return naming;
    }

    /** Whether the stored products of {@code collection} include any of {@code productIds}. */
    static boolean holdsAny(JsonObject collection, Collection<String> productIds) {
        return ids(edges(collection, "products")).stream().anyMatch(productIds::contains);
    }

    /** Whether the stored items of {@code discount} name any of {@code productIds}, directly or through a variant. */
    static boolean namesAny(JsonObject discount, Collection<String> productIds) {
        JsonValue items = JsonPaths.at(discount, List.of("discount", "customerGets", "items"));
        if (!(items instanceof JsonObject itemObject)) {
            return false;
        }
        List<String> named = new ArrayList<>(ids(edges(itemObject, "products")));
        for (JsonValue edge : edges(itemObject, "productVariants")) {
            if (JsonPaths.at(edge.asJsonObject(), List.of("node", "product", "id")) instanceof JsonString product) {
                named.add(product.getString());
            }
        }
        return named.stream().anyMatch(productIds::contains);
    }

    public JsonObject document() {
        var patched = Jsonp.createObjectBuilder(data).add("shop", shop);
        for (String connection : TOP) {
            List<JsonObject> sorted = new ArrayList<>(nodes.get(connection).values());
            sorted.sort(Comparator.comparingLong(node -> numericId(node.getString("id"))));
            patched.add(connection, EdgePager.merged(sorted.stream().map(EdgePager::edge).toList()));
        }
        return Jsonp.createObjectBuilder().add("data", patched).build();
    }

    /** The number a list is ordered by: the id's tail after its last '/', or {@link Long#MAX_VALUE} when that is not a number. */
    static long numericId(String id) {
        try {
            return Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static List<String> ids(JsonArray edges) {
        List<String> ids = new ArrayList<>();
        for (JsonValue edge : edges) {
            if (JsonPaths.at(edge.asJsonObject(), List.of("node", "id")) instanceof JsonString id) {
                ids.add(id.getString());
            }
        }
        return ids;
    }

    private static JsonArray edges(JsonObject parent, String connection) {
        return parent != null && parent.get(connection) instanceof JsonObject c && c.get("edges") instanceof JsonArray a
                ? a : JsonValue.EMPTY_JSON_ARRAY;
    }
}

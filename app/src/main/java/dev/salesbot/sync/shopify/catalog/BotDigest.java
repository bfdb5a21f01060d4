package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.json.JsonPaths;
import dev.salesbot.sync.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.storage.control.SpooledJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code preprocessed_data.json} from the stored catalog document: what the bot reads to
 * answer a shopper, one compact entry per sellable product (title, handle, price range, whether any
 * variant can be bought, options, the discount codes that apply to it).
 *
 * <p>Only ACTIVE products are listed: a draft or archived product cannot be bought. A code discount
 * applies when it is ACTIVE and within its dates, and the data says it covers the product: all
 * items, the product, one of its variants, or a collection holding it. Free shipping applies to
 * every product; an app discount's scope is not in the data, so it is left out. At most
 * {@value #CODES_PER_DISCOUNT} codes per discount are listed: thousands of single-customer codes
 * are not something a bot should hand out.
 */
public final class BotDigest {

    static final int CODES_PER_DISCOUNT = 5;

    private BotDigest() {
    }

    public static JsonObject of(JsonObject document, Instant now) {
        JsonObject data = document.getJsonObject("data");
        JsonObject shop = data.getJsonObject("shop");
        String currency = shop.getString("currencyCode", "");
        Map<String, Set<String>> collectionsByProduct = collectionsByProduct(data);
        List<JsonObject> discounts = activeDiscounts(data, now);
        JsonArrayBuilder products = Jsonp.createArrayBuilder();
        for (JsonObject product : nodes(data.getJsonObject("products"))) {
            if ("ACTIVE".equals(product.getString("status", ""))) {
                Set<String> collections = collectionsByProduct.getOrDefault(product.getString("id"), Set.of());
                products.add(entry(product, currency, codesFor(product, collections, discounts)));
            }
        }
        return Jsonp.createObjectBuilder().add("shop", shopEntry(shop)).add("products", products).build();
    }

    /** What the digest and the summary say of a spooled document. */
    public record Spooled(SpooledJson digest, long products, long variants, long discounts, long collections) {
    }

    /**
     * {@link #of} of a spooled document, spooled itself, in two streamed reads
     * ({@link CatalogReader}): the discounts, the collections a live discount names and the shop,
     * then the products one at a time. Memory: the discounts, those collections' product ids, one
     * product. The bytes are {@code CanonicalJson.bytes(of(document, now))} (the digest's keys sort
     * as {@code products}, {@code shop}); the caller closes the digest.
     */
    public static Spooled spool(SpooledJson document, Instant now) {
        List<JsonObject> discounts = new ArrayList<>();
        long[] counts = new long[4];
        JsonObject[] shop = new JsonObject[1];
        Map<String, Set<String>> collectionsByProduct = new HashMap<>();
        Set<String> named = new HashSet<>();
        // Canonical order: codeDiscountNodes come before collections, so the collections worth keeping are known.
        CatalogReader.read(document::open, Set.of("codeDiscountNodes", "collections", "shop"), new CatalogReader.Visitor() {
            @Override
            public void node(String connection, JsonObject node) {
                if (connection.equals("codeDiscountNodes")) {
                    counts[2]++;
                    active(node, now).ifPresent(discount -> {
                        discounts.add(discount);
                        if (JsonPaths.at(discount, List.of("customerGets", "items")) instanceof JsonObject items) {
                            named.addAll(ids(items.getJsonObject("collections")));
                        }
                    });
                } else {
                    counts[3]++;
                    String id = node.getString("id");
                    if (named.contains(id)) {
                        for (String productId : ids(node.getJsonObject("products"))) {
                            collectionsByProduct.computeIfAbsent(productId, p -> new HashSet<>()).add(id);
                        }
                    }
                }
            }

            @Override
            public void shop(JsonObject found) {
                shop[0] = found;
            }
        });
        if (shop[0] == null) {
            throw new IllegalStateException("the snapshot has no shop");
        }
        String currency = shop[0].getString("currencyCode", "");
        try (SpooledJson.Writer out = SpooledJson.writer()) {
            out.ascii("{\"products\":[");
            CatalogReader.read(document::open, Set.of("products"), (connection, product) -> {
                counts[0]++;
                counts[1] += nodes(product.getJsonObject("variants")).size();
                if ("ACTIVE".equals(product.getString("status", ""))) {
                    Set<String> collections = collectionsByProduct.getOrDefault(product.getString("id"), Set.of());
                    try {
                        if (out.size() > "{\"products\":[".length()) {
                            out.write(',');
                        }
                        out.write(CanonicalJson.bytes(entry(product, currency, codesFor(product, collections, discounts))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            out.ascii("],\"shop\":");
            out.write(CanonicalJson.bytes(shopEntry(shop[0]).build()));
            out.ascii("}");
            return new Spooled(out.finish(), counts[0], counts[1], counts[2], counts[3]);
        } catch (IOException e) {
            throw new UncheckedIOException("the digest could not be spooled", e);
        }
    }

    private static JsonObjectBuilder shopEntry(JsonObject shop) {
        JsonObjectBuilder shopEntry = Jsonp.createObjectBuilder()
                .add("name", shop.getString("name", ""))
                .add("currency", shop.getString("currencyCode", ""));
        if (shop.get("primaryDomain") instanceof JsonObject domain && domain.get("url") instanceof JsonString url) {
            shopEntry.add("url", url.getString());
        }
        return shopEntry;
    }

    private static JsonObject entry(JsonObject product, String currency, Set<String> codes) {
        List<JsonObject> variants = nodes(product.getJsonObject("variants"));
        BigDecimal min = null;
        BigDecimal max = null;
        boolean available = false;
        for (JsonObject variant : variants) {
            if (variant.get("price") instanceof JsonString price) {
                BigDecimal value = new BigDecimal(price.getString());
                min = min == null || value.compareTo(min) < 0 ? value : min;
                max = max == null || value.compareTo(max) > 0 ? value : max;
            }
            available |= variant.getBoolean("availableForSale", false);
        }
        JsonObjectBuilder price = Jsonp.createObjectBuilder().add("currency", currency);
        if (min != null) {
            price.add("min", min.toPlainString()).add("max", max.toPlainString());
        }
        JsonArrayBuilder options = Jsonp.createArrayBuilder();
        if (product.get("options") instanceof JsonArray optionArray) {
            for (JsonValue option : optionArray) {
                options.add(Jsonp.createObjectBuilder()
                        .add("name", option.asJsonObject().getString("name"))
                        .add("values", option.asJsonObject().getJsonArray("values")));
            }
        }
        JsonArrayBuilder codeArray = Jsonp.createArrayBuilder();
        codes.forEach(codeArray::add);
        return Jsonp.createObjectBuilder()
                .add("title", product.getString("title"))
                .add("handle", product.getString("handle"))
                .add("price", price)
                .add("available", available)
                .add("options", options)
                .add("discountCodes", codeArray)
                .build();
    }

    private static Set<String> codesFor(JsonObject product, Set<String> collections, List<JsonObject> discounts) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonObject discount : discounts) {
            if (applies(discount, product.getString("id"), collections)) {
                nodes(discount.getJsonObject("codes")).stream().limit(CODES_PER_DISCOUNT)
                        .forEach(code -> codes.add(code.getString("code")));
            }
        }
        return codes;
    }

    private static boolean applies(JsonObject discount, String productId, Set<String> collections) {
        if ("DiscountCodeFreeShipping".equals(discount.getString("__typename", ""))) {
            return true;
        }
        JsonValue items = JsonPaths.at(discount, List.of("customerGets", "items"));
        if (!(items instanceof JsonObject itemObject)) {
            return false;
        }
        if (itemObject.getBoolean("allItems", false)) {
            return true;
        }
        if (ids(itemObject.getJsonObject("products")).contains(productId)) {
            return true;
        }
        for (JsonObject variant : nodes(itemObject.getJsonObject("productVariants"))) {
            if (JsonPaths.at(variant, List.of("product", "id")) instanceof JsonString id && id.getString().equals(productId)) {
                return true;
            }
        }
        return ids(itemObject.getJsonObject("collections")).stream().anyMatch(collections::contains);
    }

    private static List<JsonObject> activeDiscounts(JsonObject data, Instant now) {
        List<JsonObject> active = new ArrayList<>();
        for (JsonObject node : nodes(data.getJsonObject("codeDiscountNodes"))) {
            active(node, now).ifPresent(active::add);
        }
        return active;
    }

    /** The node's discount when it is live at {@code now}. */
    private static java.util.Optional<JsonObject> active(JsonObject node, Instant now) {
        JsonObject discount = node.getJsonObject("discount");
        return discount != null && "ACTIVE".equals(discount.getString("status", ""))
                && !after(discount, "startsAt", now) && !before(discount, "endsAt", now)
                ? java.util.Optional.of(discount) : java.util.Optional.empty();
    }

    private static boolean after(JsonObject discount, String key, Instant now) {
        return discount.get(key) instanceof JsonString at && OffsetDateTime.parse(at.getString()).toInstant().isAfter(now);
    }

    private static boolean before(JsonObject discount, String key, Instant now) {
        return discount.get(key) instanceof JsonString at && !OffsetDateTime.parse(at.getString()).toInstant().isAfter(now);
    }

    private static Map<String, Set<String>> collectionsByProduct(JsonObject data) {
        Map<String, Set<String>> byProduct = new HashMap<>();
        for (JsonObject collection : nodes(data.getJsonObject("collections"))) {
            for (String productId : ids(collection.getJsonObject("products"))) {
                byProduct.computeIfAbsent(productId, id -> new HashSet<>()).add(collection.getString("id"));
            }
        }
        return byProduct;
    }

    private static Set<String> ids(JsonObject connection) {
        Set<String> ids = new HashSet<>();
        nodes(connection).forEach(node -> ids.add(node.getString("id")));
        return ids;
    }

    private static List<JsonObject> nodes(JsonObject connection) {
        if (connection == null || !(connection.get("edges") instanceof JsonArray edges)) {
            return List.of();
        }
        return edges.stream().map(edge -> edge.asJsonObject().getJsonObject("node")).toList();
    }
}

package dev.salesbot.sync.shopify.bulk;

import dev.salesbot.sync.json.CompactJson;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.catalog.EdgePager;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns bulk operations' JSONL back into the stored shape, the one {@link EdgePager} writes
 * from paging: every connection {@code {"edges": [{"node": …}], "pageInfo": {"hasNextPage": false}}},
 * in the connection's order. A file is read line by line, never whole: each line is one node, a
 * child carrying {@code __parentId} (its parent came earlier in the file, not necessarily just
 * before it). Nodes are compacted as they are read ({@link CompactJson}), as paging does; a child
 * whose parent the file does not hold, a line that is not a JSON object, or a count that is not the
 * operation's {@code objectCount} makes the whole file unusable ({@link Unusable}): a snapshot is
 * never written from part of one.
 */
final class BulkAssembly {

    /** The file cannot give a complete part of the catalog. */
    public static final class Unusable extends Exception {

        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /** One file read: roots in order, and each parent's children in order. */
    record Lines(List<JsonObject> roots, Map<String, List<JsonObject>> children) {
        List<JsonObject> childrenOf(String id) {
            return children.getOrDefault(id, List.of());
        }
    }

    private final CompactJson compact = new CompactJson();

    /** Reads a whole file; {@code expected} is the operation's {@code objectCount} (negative: unknown). */
    Lines read(InputStream jsonl, long expected) throws IOException, Unusable {
        return read(jsonl, expected, BulkResults.DEFAULT_MAX_BYTES, BulkResults.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * As above, reading at most {@code maxBytes} and lines of at most {@code maxLineBytes}: a file
     * over either is unusable, and no more of it is read.
     */
    Lines read(InputStream jsonl, long expected, long maxBytes, int maxLineBytes) throws IOException, Unusable {
        FileParts parts = new FileParts();
        byte[] chunk = new byte[1 << 16];
        byte[] line = new byte[8192];
        int length = 0;
        long total = 0;
        try (jsonl) {
            int n;
            while ((n = jsonl.read(chunk)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new Unusable("its file is larger than BULK_RESULT_MAX_BYTES (" + maxBytes + " bytes)");
                }
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        parts.line(new String(line, 0, length, StandardCharsets.UTF_8));
                        length = 0;
                        continue;
                    }
                    if (length == maxLineBytes) {
                        throw new Unusable("line " + (parts.count + 1) + " is longer than BULK_RESULT_MAX_LINE_BYTES (" + maxLineBytes + " bytes)");
                    }
                    if (length == line.length) {
                        line = java.util.Arrays.copyOf(line, (int) Math.min(maxLineBytes, 2L * line.length));
                    }
                    line[length++] = b;
                }
            }
        }
        if (length > 0) {
            parts.line(new String(line, 0, length, StandardCharsets.UTF_8));
        }
        if (expected >= 0 && parts.count != expected) {
            throw new Unusable("the file holds " + parts.count + " objects, the operation reported " + expected);
        }
        return new Lines(parts.roots, parts.children);
    }

    /** The lines read so far: roots in order, each parent's children in order. */
    private final class FileParts {
        final List<JsonObject> roots = new ArrayList<>();
        final Map<String, List<JsonObject>> children = new LinkedHashMap<>();
        final java.util.Set<String> ids = new java.util.HashSet<>();
        long count;

        void line(String line) throws Unusable {
            if (line.isBlank()) {
                return;
            }
            count++;
            JsonObject object;
            try (JsonReader json = Jsonp.createReader(new StringReader(line))) {
                object = json.readObject();
            } catch (JsonParsingException | ClassCastException e) {
                throw new Unusable("line " + count + " is not a JSON object");
            }
            if (object.get("id") instanceof JsonString id) {
                ids.add(id.getString());
            }
            if (object.get("__parentId") instanceof JsonString parent) {
                if (!ids.contains(parent.getString())) {
                    throw new Unusable("line " + count + " names a parent the file does not hold before it");
                }
                JsonObjectBuilder without = Jsonp.createObjectBuilder(object);
                without.remove("__parentId");
                children.computeIfAbsent(parent.getString(), p -> new ArrayList<>()).add(compact.object(without.build()));
            } else {
                roots.add(compact.object(object));
            }
        }
    }

    /** {@code products} as paging stores it: each product with all its variants. */
    JsonObject products(Lines lines) {
        List<JsonValue> edges = new ArrayList<>(lines.roots().size());
        for (JsonObject product : lines.roots()) {
            JsonObject node = Jsonp.createObjectBuilder(product)
                    .add("variants", merged(lines.childrenOf(product.getString("id")))).build();
            edges.add(compact.object(EdgePager.edge(node)));
        }
        return EdgePager.merged(edges);
    }

    /** {@code collections} as paging stores it: each collection with all its products' ids. */
    JsonObject collections(Lines lines) {
        List<JsonValue> edges = new ArrayList<>(lines.roots().size());
        for (JsonObject collection : lines.roots()) {
            JsonObject node = Jsonp.createObjectBuilder(collection)
                    .add("products", merged(lines.childrenOf(collection.getString("id")))).build();
            edges.add(compact.object(EdgePager.edge(node)));
        }
        return EdgePager.merged(edges);
    }

    private static final java.util.Set<String> CODE_TYPES = java.util.Set.of("DiscountCodeBasic", "DiscountCodeBxgy",
            "DiscountCodeFreeShipping", "DiscountCodeApp");

    /**
     * {@code codeDiscountNodes} as paging stores it, from the discounts file (each discount and its
     * codes) and the two item files (what the basic and buy-x-get-y discounts apply to).
     */
    JsonObject discounts(Lines discounts, Lines basicItems, Lines bxgyItems) throws Unusable {
        List<JsonValue> edges = new ArrayList<>(discounts.roots().size());
        for (JsonObject node : discounts.roots()) {
            String id = node.getString("id");
            if (!(node.get("discount") instanceof JsonObject discount)) {
                edges.add(compact.object(EdgePager.edge(node)));
                continue;
            }
            String type = discount.getString("__typename", "");
            JsonObjectBuilder built = Jsonp.createObjectBuilder(discount);
            if (CODE_TYPES.contains(type)) {
                built.add("codes", merged(discounts.childrenOf(id)));
            }
            if (discount.get("customerGets") instanceof JsonObject gets && gets.get("items") instanceof JsonObject items) {
                List<JsonObject> applied = new ArrayList<>(basicItems.childrenOf(id));
                applied.addAll(bxgyItems.childrenOf(id));
                built.add("customerGets", Jsonp.createObjectBuilder(gets).add("items", items(items, applied)));
            }
            edges.add(compact.object(EdgePager.edge(Jsonp.createObjectBuilder(node).add("discount", built).build())));
        }
        return EdgePager.merged(edges);
    }

    /** A discount's items as paging stores them: the connections its item type has, {@code __typename} (asked only to know it) left out. */
    private static JsonObject items(JsonObject items, List<JsonObject> applied) throws Unusable {
        String type = items.getString("__typename", "");
        JsonObjectBuilder built = Jsonp.createObjectBuilder(items);
        built.remove("__typename");
        List<JsonObject> products = new ArrayList<>();
        List<JsonObject> variants = new ArrayList<>();
        List<JsonObject> collections = new ArrayList<>();
        for (JsonObject item : applied) {
            String gid = item.getString("id", "");
            if (gid.startsWith("gid://shopify/ProductVariant/")) {
                variants.add(item);
            } else if (gid.startsWith("gid://shopify/Product/")) {
                products.add(item);
            } else if (gid.startsWith("gid://shopify/Collection/")) {
                collections.add(item);
            } else {
                throw new Unusable("a discount item of an unknown kind: " + gid);
            }
        }
        if (type.equals("DiscountProducts")) {
            built.add("products", merged(products)).add("productVariants", merged(variants));
        } else if (type.equals("DiscountCollections")) {
            built.add("collections", merged(collections));
        } else if (!applied.isEmpty()) {
            throw new Unusable("items of a " + type + " discount");
        }
        return built.build();
    }

    private static JsonObject merged(List<JsonObject> nodes) {
        List<JsonValue> edges = new ArrayList<>(nodes.size());
        nodes.forEach(n -> edges.add(EdgePager.edge(n)));
        return EdgePager.merged(edges);
    }
}

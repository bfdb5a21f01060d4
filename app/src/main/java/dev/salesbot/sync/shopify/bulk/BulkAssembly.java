package dev.salesbot.sync.shopify.bulk;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.catalog.CatalogSpool;
import dev.salesbot.sync.shopify.catalog.EdgePager;
import dev.salesbot.sync.storage.control.SpooledJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns bulk operations' JSONL back into the stored shape, the one {@link EdgePager} writes
 * from paging: every connection {@code {"edges": [{"node": …}], "pageInfo": {"hasNextPage": false}}},
 * in the connection's order. Each line is one node, a child carrying {@code __parentId} (its parent
 * came earlier in the file, not necessarily just before it).
 *
 * <p>A file is never held in memory: {@link #read} copies it to a temporary file while checking
 * every line (a JSON object, a parent that is a root object earlier in the file, the operation's
 * {@code objectCount}, the size caps) and indexing it — each line's offset and length, each root's
 * id, each child's root — about 40 bytes a line. Only a file that passes all of it is used: a
 * snapshot is never written from part of one ({@link Unusable}). The parts are then written node by
 * node into a {@link CatalogSpool}: each root with its children, read back by offset (in file order
 * when, as usual, children follow their parent).
 */
final class BulkAssembly {

    /** The file cannot give a complete part of the catalog. */
    public static final class Unusable extends Exception {

        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /** One downloaded file, checked and indexed; its temporary file is deleted by {@link #close()}. */
    static final class Lines implements AutoCloseable {
        private final Path file;
        private final long[] offsets;
        private final int[] lengths;
        private final int[] rootLines;
        private final int roots;
        /** (root ordinal << 32 | line) of every child, sorted: a root's children, in file order. */
        private final long[] children;
        private final Map<String, Integer> rootById;
        private FileChannel channel;
        private final ByteBuffer window = ByteBuffer.allocate(1 << 18);
        private long windowStart = -1;

        private Lines(Path file, long[] offsets, int[] lengths, int[] rootLines, int roots, long[] children, Map<String, Integer> rootById) {
            this.file = file;
            this.offsets = offsets;
            this.lengths = lengths;
            this.rootLines = rootLines;
            this.roots = roots;
            this.children = children;
            this.rootById = rootById;
        }

        /** The file of an operation that matched nothing. */
        static Lines empty() {
            return new Lines(null, new long[0], new int[0], new int[0], 0, new long[0], Map.of());
        }

        int rootCount() {
            return roots;
        }

        /** Calls {@code each} with every root in file order and its children in file order. */
        void forEachRoot(RootVisitor each) throws IOException {
            int child = 0;
            for (int r = 0; r < roots; r++) {
                JsonObject root = object(rootLines[r]);
                List<JsonObject> kids = new ArrayList<>();
                while (child < children.length && (int) (children[child] >>> 32) == r) {
                    kids.add(withoutParent(object((int) children[child])));
                    child++;
                }
                each.root(root, kids);
            }
        }

        /** The children of the root with this id, in file order (none when the file has no such root). */
        List<JsonObject> childrenOf(String id) throws IOException {
            Integer r = rootById.get(id);
            if (r == null) {
                return List.of();
            }
            long from = (long) r << 32;
            int at = Arrays.binarySearch(children, from);
            at = at < 0 ? -at - 1 : at;
            List<JsonObject> kids = new ArrayList<>();
            for (; at < children.length && (int) (children[at] >>> 32) == r; at++) {
                kids.add(withoutParent(object((int) children[at])));
            }
            return kids;
        }

        private JsonObject object(int line) throws IOException {
            byte[] bytes = bytes(offsets[line], lengths[line]);
            try (JsonReader reader = Jsonp.createReader(bytes)) {
                return reader.readObject();
            }
        }

        private byte[] bytes(long offset, int length) throws IOException {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            byte[] bytes = new byte[length];
            if (length > window.capacity()) {
                ByteBuffer direct = ByteBuffer.wrap(bytes);
                while (direct.hasRemaining() && channel.read(direct, offset + direct.position()) > 0) {
                    // read on
                }
                return bytes;
            }
            if (windowStart < 0 || offset < windowStart || offset + length > windowStart + window.limit()) {
                window.clear();
                windowStart = offset;
                while (window.hasRemaining() && channel.read(window, windowStart + window.position()) > 0) {
                    // fill the window
                }
                window.flip();
            }
            window.get((int) (offset - windowStart), bytes);
            return bytes;
        }

        @Override
        public void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    interface RootVisitor {
        void root(JsonObject root, List<JsonObject> children) throws IOException;
    }

    private static JsonObject withoutParent(JsonObject child) {
        if (!child.containsKey("__parentId")) {
            return child;
        }
        JsonObjectBuilder without = Jsonp.createObjectBuilder(child);
        without.remove("__parentId");
        return without.build();
    }

    /** Reads a whole file; {@code expected} is the operation's {@code objectCount} (negative: unknown). */
    Lines read(InputStream jsonl, long expected) throws IOException, Unusable {
        return read(jsonl, expected, BulkResults.DEFAULT_MAX_BYTES, BulkResults.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * As above, reading at most {@code maxBytes} and lines of at most {@code maxLineBytes}: a file
     * over either is unusable, and no more of it is read.
     */
    Lines read(InputStream jsonl, long expected, long maxBytes, int maxLineBytes) throws IOException, Unusable {
        Path file = SpooledJson.temporaryFile("salesbot-bulk-");
        boolean kept = false;
        try (jsonl; OutputStream copy = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Index index = new Index();
            byte[] chunk = new byte[1 << 16];
            byte[] line = new byte[8192];
            int length = 0;
            long total = 0;
            int n;
            while ((n = jsonl.read(chunk)) > 0) {
                if (total + n > maxBytes) {
                    throw new Unusable("its file is larger than BULK_RESULT_MAX_BYTES (" + maxBytes + " bytes)");
                }
                copy.write(chunk, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        index.line(line, length, total + i - length);
                        length = 0;
                        continue;
                    }
                    if (length == maxLineBytes) {
                        throw new Unusable("line " + (index.count + 1) + " is longer than BULK_RESULT_MAX_LINE_BYTES (" + maxLineBytes + " bytes)");
                    }
                    if (length == line.length) {
                        line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, 2L * line.length));
                    }
                    line[length++] = b;
                }
                total += n;
            }
            if (length > 0) {
                index.line(line, length, total - length);
            }
            if (expected >= 0 && index.count != expected) {
                throw new Unusable("the file holds " + index.count + " objects, the operation reported " + expected);
            }
            Lines lines = index.lines(file);
            kept = true;
            return lines;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The index being built: each line's place, each root's id, each child's root. */
    private static final class Index {
        long[] offsets = new long[1024];
        int[] lengths = new int[1024];
        long[] children = new long[1024];
        int[] rootLines = new int[1024];
        int lines;
        int childCount;
        int roots;
        long count;
        final Map<String, Integer> rootById = new HashMap<>();

        void line(byte[] bytes, int length, long offset) throws Unusable {
            if (blank(bytes, length)) {
                return;
            }
            count++;
            String[] keys = keys(bytes, length);
            if (lines == offsets.length) {
                offsets = Arrays.copyOf(offsets, lines * 2);
                lengths = Arrays.copyOf(lengths, lines * 2);
            }
            offsets[lines] = offset;
            lengths[lines] = length;
            if (keys[1] != null) {
                Integer root = rootById.get(keys[1]);
                if (root == null) {
                    throw new Unusable("line " + count + " names a parent the file does not hold before it");
                }
                if (childCount == children.length) {
                    children = Arrays.copyOf(children, childCount * 2);
                }
                children[childCount++] = (long) root << 32 | lines;
            } else {
                if (roots == rootLines.length) {
                    rootLines = Arrays.copyOf(rootLines, roots * 2);
                }
                if (keys[0] != null) {
                    rootById.put(keys[0], roots);
                }
                rootLines[roots++] = lines;
            }
            lines++;
        }

        /** The line's top-level {@code id} and {@code __parentId}, after checking it is one JSON object. */
        private String[] keys(byte[] bytes, int length) throws Unusable {
            String[] keys = new String[2];
            try (JsonParser parser = Jsonp.createParser(bytes, length)) {
                if (parser.next() != JsonParser.Event.START_OBJECT) {
                    throw new Unusable("line " + count + " is not a JSON object");
                }
                int depth = 1;
                String key = null;
                while (depth > 0) {
                    JsonParser.Event event = parser.next();
                    switch (event) {
                        case START_OBJECT, START_ARRAY -> depth++;
                        case END_OBJECT, END_ARRAY -> depth--;
                        case KEY_NAME -> key = depth == 1 ? parser.getString() : null;
                        case VALUE_STRING -> {
                            if (depth == 1 && "id".equals(key)) {
                                keys[0] = parser.getString();
                            } else if (depth == 1 && "__parentId".equals(key)) {
                                keys[1] = parser.getString();
                            }
                        }
                        default -> {
                        }
                    }
                }
                if (parser.hasNext()) {
                    throw new Unusable("line " + count + " is not a JSON object");
                }
            } catch (JsonParsingException | java.util.NoSuchElementException e) {
                throw new Unusable("line " + count + " is not a JSON object");
            }
            return keys;
        }

        private static boolean blank(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                    return false;
                }
            }
            return true;
        }

        Lines lines(Path file) {
            long[] sorted = Arrays.copyOf(children, childCount);
            // Children in file order per root already when each follows its parent; sorting makes any order so.
            Arrays.sort(sorted);
            return new Lines(file, offsets, lengths, rootLines, roots, sorted, rootById);
        }
    }

    /** {@code products} as paging stores it: each product with all its variants. */
    void products(Lines lines, CatalogSpool.Connection into) throws IOException {
        lines.forEachRoot((product, variants) -> into.add(Jsonp.createObjectBuilder(product).add("variants", merged(variants)).build()));
    }

    /** {@code collections} as paging stores it: each collection with all its products' ids. */
    void collections(Lines lines, CatalogSpool.Connection into) throws IOException {
        lines.forEachRoot((collection, products) -> into.add(Jsonp.createObjectBuilder(collection).add("products", merged(products)).build()));
    }

    private static final java.util.Set<String> CODE_TYPES = java.util.Set.of("DiscountCodeBasic", "DiscountCodeBxgy",
            "DiscountCodeFreeShipping", "DiscountCodeApp");

    /**
     * {@code codeDiscountNodes} as paging stores it, from the discounts file (each discount and its
     * codes) and the two item files (what the basic and buy-x-get-y discounts apply to). Nothing is
     * written into {@code into} unless the whole part can be.
     */
    void discounts(Lines discounts, Lines basicItems, Lines bxgyItems, CatalogSpool.Connection into) throws IOException, Unusable {
        Unusable[] unusable = new Unusable[1];
        List<JsonObject> nodes = new ArrayList<>();
        discounts.forEachRoot((node, codes) -> {
            if (unusable[0] != null) {
                return;
            }
            if (!(node.get("discount") instanceof JsonObject discount)) {
                nodes.add(node);
                return;
            }
            String id = node.getString("id");
            String type = discount.getString("__typename", "");
            JsonObjectBuilder built = Jsonp.createObjectBuilder(discount);
            if (CODE_TYPES.contains(type)) {
                built.add("codes", merged(codes));
            }
            if (discount.get("customerGets") instanceof JsonObject gets && gets.get("items") instanceof JsonObject items) {
                List<JsonObject> applied = new ArrayList<>(basicItems.childrenOf(id));
                applied.addAll(bxgyItems.childrenOf(id));
                try {
                    built.add("customerGets", Jsonp.createObjectBuilder(gets).add("items", items(items, applied)));
                } catch (Unusable e) {
                    unusable[0] = e;
                    return;
                }
            }
            nodes.add(Jsonp.createObjectBuilder(node).add("discount", built).build());
        });
        if (unusable[0] != null) {
            throw unusable[0];
        }
        // A store's code discounts are few next to its products; held here so that an unusable one leaves the part unwritten.
        nodes.forEach(into::add);
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

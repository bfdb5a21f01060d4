package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.storage.control.CanonicalJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@link SnapshotPatch} for a stored document read as a stream: the same changes with the same
 * meanings, the same answers, and byte for byte the same patched document
 * ({@code CanonicalJson.bytes(SnapshotPatch.of(stored)…document())}), while holding the changes and
 * one stored edge at a time instead of the whole store.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>Changes apply in the order they are made, as SnapshotPatch applies them: a put replaces the
 *   node of its id where it stands; a put of a new id, or of one removed before, adds it; removing an
 *   absent id does nothing; the shop given last replaces the stored one.</li>
 *   <li>Each connection is in ascending {@code SnapshotPatch.numericId}; among equal numbers (ids
 *   without a numeric tail), stored nodes come first in their stored order, then added ones in the
 *   order they were added: what SnapshotPatch's stable sort of its insertion-ordered map gives.</li>
 *   <li>Only {@code {"data": …}} is written, its members in sorted order: the three connections
 *   (each one even when the stored document lacks it), the shop, and any other stored member as it
 *   was. Other top-level members are dropped, as SnapshotPatch drops them.</li>
 *   <li>A first pass checks that the stored document is as a full fetch and {@code CanonicalJson}
 *   write it: one {@code data} object, its members in sorted order, holding a shop object; each
 *   connection's edges {@code {"node": {"id": "…"}}} in ascending numeric order, no id twice. A
 *   second pass merges each connection's stored edges with its changes, sorted the same way, and
 *   writes every edge as it is decided.</li>
 *   <li>A document that fails the check (an old snapshot in another order, a repeated id, another
 *   shape) is read whole and patched by SnapshotPatch itself: the same bytes, or the same failure,
 *   at the old cost in memory. The check comes first because written bytes cannot be taken back.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> The stored document is therefore read twice, three times when it falls
 * back: {@link #writeTo} takes a {@link Source} that opens it anew, not one stream. A second parse
 * costs time, not memory. Held at once: the changes, one edge ({@code JsonParser.getObject}), the
 * ids of one run of equal numbers while checking, and, for {@link #scan}, the ids of the stored
 * collections and discounts (never the products).
 */
public final class StreamedPatch {

    private static final System.Logger LOGGER = System.getLogger(StreamedPatch.class.getName());
    private static final String SHOP = "shop";
    private static final byte[] START_OF_EDGES = ascii("{\"edges\":[");
    private static final byte[] END_OF_EDGES = ascii("],\"pageInfo\":{\"hasNextPage\":false}}");

    /** The stored document, opened anew for each pass over it. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** What {@link SnapshotPatch#collectionsHolding} and {@link SnapshotPatch#discountsNaming} answer for the stored document. */
    public record Scan(List<String> collectionsHolding, List<String> discountsNaming) {
    }

    /** The patched connections, in the order their keys sort. */
    private enum Connection {
        CODE_DISCOUNT_NODES("codeDiscountNodes"), COLLECTIONS("collections"), PRODUCTS("products");

        final String key;

        Connection(String key) {
            this.key = key;
        }

        static Connection of(String key) {
            for (Connection connection : values()) {
                if (connection.key.equals(key)) {
                    return connection;
                }
            }
            return null;
        }
    }

    /** One change as it was made: a put carries its node, a removal only the id. */
    private record Change(Connection connection, String id, JsonObject node) {
    }

    private final List<Change> changes = new ArrayList<>();
    private JsonObject shop;

    public void putProducts(Collection<JsonObject> fetched) {
        fetched.forEach(node -> put(Connection.PRODUCTS, node));
    }

    public void removeProducts(Collection<String> ids) {
        ids.forEach(id -> changes.add(new Change(Connection.PRODUCTS, id, null)));
    }

    public void putCollections(Collection<JsonObject> fetched) {
        fetched.forEach(node -> put(Connection.COLLECTIONS, node));
    }

    public void removeCollections(Collection<String> ids) {
        ids.forEach(id -> changes.add(new Change(Connection.COLLECTIONS, id, null)));
    }

    public void putDiscount(JsonObject node) {
        put(Connection.CODE_DISCOUNT_NODES, node);
    }

    public void removeDiscounts(Collection<String> ids) {
        ids.forEach(id -> changes.add(new Change(Connection.CODE_DISCOUNT_NODES, id, null)));
    }

    /** {@code fetched} replaces the stored shop; never null (SnapshotPatch would fail on it when writing). */
    public void shop(JsonObject fetched) {
        this.shop = Objects.requireNonNull(fetched, "shop");
    }

    private void put(Connection connection, JsonObject node) {
        changes.add(new Change(connection, node.getString("id"), node));
    }

    /**
     * What {@code SnapshotPatch.of(stored)} answers to {@code collectionsHolding(productIds)} and
     * {@code discountsNaming(productIds)}, in the same order, reading the stored collections and
     * discounts one edge at a time and skipping the products. {@code stored} is read, not closed.
     */
    public static Scan scan(InputStream stored, Collection<String> productIds) {
        Map<String, Boolean> collections = new LinkedHashMap<>();
        Map<String, Boolean> discounts = new LinkedHashMap<>();
        // Not closed: closing the parser would close the caller's stream.
        JsonParser parser = Jsonp.provider().createParser(stored);
        parser.next();
        while (parser.next() == Event.KEY_NAME) {
            boolean data = parser.getString().equals("data");
            Event value = parser.next();
            if (!data || value != Event.START_OBJECT) {
                skip(parser, value);
                continue;
            }
            while (parser.next() == Event.KEY_NAME) {
                Connection connection = Connection.of(parser.getString());
                Event members = parser.next();
                if (connection == Connection.COLLECTIONS) {
                    matches(parser, members, collections, node -> SnapshotPatch.holdsAny(node, productIds));
                } else if (connection == Connection.CODE_DISCOUNT_NODES) {
                    matches(parser, members, discounts, node -> SnapshotPatch.namesAny(node, productIds));
                } else {
                    skip(parser, members);
                }
            }
        }
        return new Scan(matching(collections), matching(discounts));
    }

    /** Each stored node's id and whether it passes {@code test}, in SnapshotPatch's order: an id stored twice keeps its first place and its last node. */
    private static void matches(JsonParser parser, Event value, Map<String, Boolean> byId, Predicate<JsonObject> test) {
        byId.clear();
        if (value != Event.START_OBJECT) {
            skip(parser, value);
            return;
        }
        while (parser.next() == Event.KEY_NAME) {
            boolean edges = parser.getString().equals("edges");
            Event members = parser.next();
            if (!edges || members != Event.START_ARRAY) {
                skip(parser, members);
                continue;
            }
            byId.clear();
            while (parser.next() != Event.END_ARRAY) {
                JsonObject node = parser.getValue().asJsonObject().getJsonObject("node");
                byId.put(node.getString("id"), test.test(node));
            }
        }
    }

    private static List<String> matching(Map<String, Boolean> byId) {
        return byId.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    /**
     * Writes to {@code out} the canonical bytes of the stored document with these changes, streaming
     * when the document passes the check and patching it in memory when it does not (see above).
     * {@code stored} must give the same bytes each time it is opened. {@code out} is flushed, not
     * closed; after a failure it holds an incomplete document, so write to a temporary file and keep
     * it only when this returns.
     */
    public void writeTo(Source stored, OutputStream out) throws IOException {
        boolean streamable;
        try (InputStream in = stored.open()) {
            streamable = StoredOrder.streamable(in);
        }
        if (!streamable) {
            LOGGER.log(System.Logger.Level.INFO, "Stored snapshot not in the order a full fetch writes: patching it in memory");
            patchInMemory(stored, out);
            return;
        }
        try (InputStream in = stored.open(); JsonParser parser = Jsonp.provider().createParser(in)) {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            parser.next();
            while (parser.next() == Event.KEY_NAME) {
                boolean data = parser.getString().equals("data");
                Event value = parser.next();
                if (data) {
                    writeData(parser, buffered);
                } else {
                    skip(parser, value);
                }
            }
            buffered.flush();
        }
    }

    /** The patched {@code data}: its stored members in their (sorted) order, connections it lacks in their places. */
    private void writeData(JsonParser parser, OutputStream out) throws IOException {
        out.write(ascii("{\"data\":{"));
        TreeSet<String> lacking = new TreeSet<>();
        for (Connection connection : Connection.values()) {
            lacking.add(connection.key);
        }
        boolean first = true;
        while (parser.next() == Event.KEY_NAME) {
            String key = parser.getString();
            Event value = parser.next();
            first = writeLacking(lacking.headSet(key), first, out);
            lacking.remove(key);
            first = name(key, first, out);
            Connection connection = Connection.of(key);
            if (connection != null && value == Event.START_OBJECT) {
                writeConnection(connection, parser, out);
            } else if (connection != null) {
                skip(parser, value);
                writeConnection(connection, null, out);
            } else if (key.equals(SHOP) && shop != null) {
                parser.skipObject();
                out.write(CanonicalJson.bytes(shop));
            } else {
                out.write(CanonicalJson.bytes(parser.getValue()));
            }
        }
        writeLacking(lacking, first, out);
        out.write(ascii("}}"));
    }

    /** Writes, and takes out of {@code keys}, connections the stored document lacks: their added nodes only. */
    private boolean writeLacking(Set<String> keys, boolean first, OutputStream out) throws IOException {
        for (String key : keys) {
            first = name(key, first, out);
            writeConnection(Connection.of(key), null, out);
        }
        keys.clear();
        return first;
    }

    /** One connection: {@code stored}, when not null, is at the start of the stored connection object. */
    private void writeConnection(Connection connection, JsonParser stored, OutputStream out) throws IOException {
        EdgeMerge merge = new EdgeMerge(changes.stream().filter(c -> c.connection() == connection).toList(), out);
        out.write(START_OF_EDGES);
        while (stored != null && stored.next() == Event.KEY_NAME) {
            boolean edges = stored.getString().equals("edges");
            Event value = stored.next();
            if (edges && value == Event.START_ARRAY) {
                while (stored.next() != Event.END_ARRAY) {
                    merge.stored(stored.getObject().getJsonObject("node"));
                }
            } else {
                skip(stored, value);
            }
        }
        merge.finish();
        out.write(END_OF_EDGES);
    }

    private static boolean name(String key, boolean first, OutputStream out) throws IOException {
        if (!first) {
            out.write(',');
        }
        out.write(CanonicalJson.bytes(Jsonp.provider().createValue(key)));
        out.write(':');
        return false;
    }

    /** SnapshotPatch itself, for a stored document the check turned down. */
    private void patchInMemory(Source stored, OutputStream out) throws IOException {
        JsonObject document;
        try (InputStream in = stored.open(); JsonReader reader = Jsonp.createReader(in)) {
            document = reader.readObject();
        }
        SnapshotPatch patch = SnapshotPatch.of(document);
        for (Change change : changes) {
            if (change.node() == null) {
                Collection<String> id = Collections.singleton(change.id());
                switch (change.connection()) {
                    case PRODUCTS -> patch.removeProducts(id);
                    case COLLECTIONS -> patch.removeCollections(id);
                    case CODE_DISCOUNT_NODES -> patch.removeDiscounts(id);
                }
            } else {
                switch (change.connection()) {
                    case PRODUCTS -> patch.putProducts(List.of(change.node()));
                    case COLLECTIONS -> patch.putCollections(List.of(change.node()));
                    case CODE_DISCOUNT_NODES -> patch.putDiscount(change.node());
                }
            }
        }
        if (shop != null) {
            patch.shop(shop);
        }
        out.write(CanonicalJson.bytes(patch.document()));
        out.flush();
    }

    /** Skips the value whose first event is {@code value}: nothing more to read unless it is an object or an array. */
    private static void skip(JsonParser parser, Event value) {
        if (value == Event.START_OBJECT) {
            parser.skipObject();
        } else if (value == Event.START_ARRAY) {
            parser.skipArray();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * One connection's stored edges, arriving in ascending numeric order, merged with its changes and
     * written as each is decided: a stored node is written as it is, replaced, or not at all; the
     * added nodes of a number are written after the stored ones of that number.
     */
    private static final class EdgeMerge {

        /** Where one id's changes leave it: its last node (null: removed), whether it left its stored place, its turn among added ones. */
        private static final class Pending {
            JsonObject node;
            long number;
            long turn;
            boolean moved;
            boolean written;
        }

        private final Map<String, Pending> byId = new HashMap<>();
        private final List<Pending> added;
        private final OutputStream out;
        private int next;
        private long previous = Long.MIN_VALUE;
        private boolean first = true;

        EdgeMerge(List<Change> changes, OutputStream out) {
            this.out = out;
            long turns = 0;
            for (Change change : changes) {
                Pending pending = byId.computeIfAbsent(change.id(), id -> new Pending());
                if (change.node() == null) {
                    pending.node = null;
                    pending.moved = true;
                    continue;
                }
                if (pending.node == null) {
                    pending.turn = turns++;
                    pending.number = SnapshotPatch.numericId(change.id());
                }
                pending.node = change.node();
            }
            this.added = byId.values().stream().filter(p -> p.node != null)
                    .sorted(Comparator.<Pending>comparingLong(p -> p.number).thenComparingLong(p -> p.turn)).toList();
        }

        void stored(JsonObject node) throws IOException {
            String id = node.getString("id");
            long number = SnapshotPatch.numericId(id);
            if (number < previous) {
                throw new IllegalStateException("The stored snapshot changed between the check and the patch");
            }
            previous = number;
            while (next < added.size() && added.get(next).number < number) {
                writeAdded(added.get(next++));
            }
            Pending pending = byId.get(id);
            if (pending == null) {
                write(node);
            } else if (pending.node != null && !pending.moved) {
                write(pending.node);
                pending.written = true;
            }
        }

        void finish() throws IOException {
            while (next < added.size()) {
                writeAdded(added.get(next++));
            }
        }

        private void writeAdded(Pending pending) throws IOException {
            if (!pending.written) {
                write(pending.node);
            }
        }

        private void write(JsonObject node) throws IOException {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(CanonicalJson.bytes(EdgePager.edge(node)));
        }
    }

    /**
     * The check before streaming: whether a stored document is in the shape and order the merge
     * needs. Reads ids only and skips the rest; anything unexpected answers no, never an exception,
     * so that SnapshotPatch decides what it means.
     */
    static final class StoredOrder {

        private StoredOrder() {
        }

        static boolean streamable(InputStream stored) {
            JsonParser parser = Jsonp.provider().createParser(stored);
            try {
                if (parser.next() != Event.START_OBJECT) {
                    return false;
                }
                int data = 0;
                while (parser.next() == Event.KEY_NAME) {
                    boolean isData = parser.getString().equals("data");
                    Event value = parser.next();
                    if (!isData) {
                        skip(parser, value);
                    } else if (++data > 1 || value != Event.START_OBJECT || !dataInOrder(parser)) {
                        return false;
                    }
                }
                return data == 1;
            } catch (RuntimeException e) {
                return false;
            }
        }

        private static boolean dataInOrder(JsonParser parser) {
            String previous = null;
            boolean shop = false;
            while (parser.next() == Event.KEY_NAME) {
                String key = parser.getString();
                if (previous != null && key.compareTo(previous) <= 0) {
                    return false;
                }
                previous = key;
                Event value = parser.next();
                if (key.equals(SHOP)) {
                    if (value != Event.START_OBJECT) {
                        return false;
                    }
                    shop = true;
                    parser.skipObject();
                } else if (Connection.of(key) != null && value == Event.START_OBJECT) {
                    if (!connectionInOrder(parser)) {
                        return false;
                    }
                } else {
                    skip(parser, value);
                }
            }
            return shop;
        }

        private static boolean connectionInOrder(JsonParser parser) {
            boolean edges = false;
            while (parser.next() == Event.KEY_NAME) {
                boolean isEdges = parser.getString().equals("edges");
                Event value = parser.next();
                if (!isEdges) {
                    skip(parser, value);
                    continue;
                }
                if (edges) {
                    return false;
                }
                edges = true;
                if (value != Event.START_ARRAY) {
                    skip(parser, value);
                } else if (!edgesInOrder(parser)) {
                    return false;
                }
            }
            return true;
        }

        /** Ascending numbers, and no id twice: a repeated id has the same number, so only the current run is kept. */
        private static boolean edgesInOrder(JsonParser parser) {
            long previous = Long.MIN_VALUE;
            Set<String> run = new HashSet<>();
            for (Event edge = parser.next(); edge != Event.END_ARRAY; edge = parser.next()) {
                String id = edge == Event.START_OBJECT ? member(parser, "node", Event.START_OBJECT) : null;
                if (id == null) {
                    return false;
                }
                long number = SnapshotPatch.numericId(id);
                if (number < previous) {
                    return false;
                }
                if (number > previous) {
                    run.clear();
                }
                if (!run.add(id)) {
                    return false;
                }
                previous = number;
            }
            return true;
        }

        /**
         * The node id in the object the parser is at the start of, read through its member
         * {@code name} (an edge's {@code node}, then the node's {@code id}), which must be there once
         * and start with {@code expected}; null otherwise.
         */
        private static String member(JsonParser parser, String name, Event expected) {
            String found = null;
            while (parser.next() == Event.KEY_NAME) {
                boolean named = parser.getString().equals(name);
                Event value = parser.next();
                if (!named) {
                    skip(parser, value);
                } else if (found != null || value != expected) {
                    return null;
                } else {
                    found = expected == Event.START_OBJECT ? member(parser, "id", Event.VALUE_STRING) : parser.getString();
                    if (found == null) {
                        return null;
                    }
                }
            }
            return found;
        }
    }
}

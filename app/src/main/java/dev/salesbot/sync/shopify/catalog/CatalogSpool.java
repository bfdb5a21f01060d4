package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.storage.control.SpooledJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A catalog document written to disk as it is fetched, node by node: each connection
 * ({@code products}, {@code collections}, {@code codeDiscountNodes}) goes to a part file of its
 * own, in the order its nodes arrive, each edge already canonical ({@link CanonicalJson}); then
 * {@link #document()} joins the parts with the fixed framing into the one canonical document, hashed
 * on the way. The bytes are exactly {@code CanonicalJson.bytes} of the document built in memory
 * ({@link CatalogFetch#document}): the connections' keys sort as {@code codeDiscountNodes},
 * {@code collections}, {@code products}, {@code shop}, and each connection is
 * {@code {"edges":[…],"pageInfo":{"hasNextPage":false}}} ({@link EdgePager}). Memory: one node at
 * a time, whatever the store's size.
 */
public final class CatalogSpool implements AutoCloseable {

    private static final byte[] EDGES = "{\"edges\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] END = "],\"pageInfo\":{\"hasNextPage\":false}}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** One connection's part file: its edges, comma-separated. */
    public static final class Connection implements AutoCloseable {
        private SpooledJson.Writer part = SpooledJson.writer();
        private SpooledJson finished;
        private long count;
        private long children;
        private final String childConnection;

        private Connection(String childConnection) {
            this.childConnection = childConnection;
        }

        /** Appends one node, as the edge {@code {"node": node}}. */
        public void add(JsonObject node) {
            Objects.requireNonNull(node, "node");
            try {
                if (count > 0) {
                    part.write(',');
                }
                part.write(CanonicalJson.bytes(EdgePager.edge(node)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
            if (childConnection != null && node.get(childConnection) instanceof JsonObject c && c.get("edges") instanceof JsonArray a) {
                children += a.size();
            }
        }

        /** Forgets what was added (a part read again another way). */
        public void restart() {
            close();
            part = SpooledJson.writer();
            finished = null;
            count = 0;
            children = 0;
        }

        public long count() {
            return count;
        }

        private SpooledJson finish() throws IOException {
            if (finished == null) {
                finished = part.finish();
            }
            return finished;
        }

        @Override
        public void close() {
            try {
                part.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (finished != null) {
                    finished.close();
                }
            }
        }
    }

    private final Connection products = new Connection("variants");
    private final Connection collections = new Connection(null);
    private final Connection discounts = new Connection(null);
    private JsonObject shop;

    public Connection products() {
        return products;
    }

    public Connection collections() {
        return collections;
    }

    public Connection discounts() {
        return discounts;
    }

    public void shop(JsonObject shop) {
        this.shop = Objects.requireNonNull(shop, "shop");
    }

    /** Variants of the products added so far (the log line's and the summary's count). */
    public long variants() {
        return products.children;
    }

    /** The whole canonical document; the parts are deleted. The caller closes it. */
    public SpooledJson document() {
        if (shop == null) {
            throw new IllegalStateException("the shop was not fetched");
        }
        try (SpooledJson.Writer out = SpooledJson.writer()) {
            out.ascii("{\"data\":{\"codeDiscountNodes\":");
            copy(discounts, out);
            out.ascii(",\"collections\":");
            copy(collections, out);
            out.ascii(",\"products\":");
            copy(products, out);
            out.ascii(",\"shop\":");
            out.write(CanonicalJson.bytes(shop));
            out.ascii("}}");
            return out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("the snapshot could not be spooled", e);
        } finally {
            close();
        }
    }

    private static void copy(Connection connection, SpooledJson.Writer out) throws IOException {
        out.write(EDGES);
        try (SpooledJson part = connection.finish(); InputStream in = part.open()) {
            in.transferTo(out);
        }
        out.write(END);
    }

    @Override
    public void close() {
        products.close();
        collections.close();
        discounts.close();
    }
}

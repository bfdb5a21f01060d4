package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Reads a stored catalog document ({@code {"data": {"codeDiscountNodes", "collections",
 * "products", "shop"}}}) as a stream, one node at a time: the connections asked for are handed
 * over node by node, in document order, the rest is skipped unread. A document of 100,000
 * products is read in the memory of its largest node.
 */
public final class CatalogReader {

    /** What the reader hands over. */
    public interface Visitor {
        /** One node of {@code connection}. */
        void node(String connection, JsonObject node);

        /** The shop object. */
        default void shop(JsonObject shop) {
        }
    }

    private CatalogReader() {
    }

    /** Reads {@code document}, handing {@code visitor} the nodes of {@code connections} and the shop when {@code "shop"} is among them. */
    public static void read(InputStream document, Set<String> connections, Visitor visitor) {
        try (JsonParser parser = Jsonp.provider().createParser(new BufferedInputStream(document, 1 << 16))) {
            expect(parser, JsonParser.Event.START_OBJECT);
            while (parser.next() == JsonParser.Event.KEY_NAME) {
                if (!parser.getString().equals("data")) {
                    skipValue(parser);
                    continue;
                }
                expect(parser, JsonParser.Event.START_OBJECT);
                while (parser.next() == JsonParser.Event.KEY_NAME) {
                    String key = parser.getString();
                    if (!connections.contains(key)) {
                        skipValue(parser);
                    } else if (key.equals("shop")) {
                        expect(parser, JsonParser.Event.START_OBJECT);
                        visitor.shop(parser.getObject());
                    } else {
                        connection(parser, key, visitor);
                    }
                }
            }
        }
    }

    /** Reads {@code document} from a file-backed stream it opens and closes. */
    public static void read(IoSupplier document, Set<String> connections, Visitor visitor) {
        try (InputStream in = document.open()) {
            read(in, connections, visitor);
        } catch (IOException e) {
            throw new UncheckedIOException("the spooled snapshot could not be read", e);
        }
    }

    /** Opens a stream. */
    public interface IoSupplier {
        InputStream open() throws IOException;
    }

    private static void connection(JsonParser parser, String name, Visitor visitor) {
        expect(parser, JsonParser.Event.START_OBJECT);
        while (parser.next() == JsonParser.Event.KEY_NAME) {
            if (!parser.getString().equals("edges")) {
                skipValue(parser);
                continue;
            }
            expect(parser, JsonParser.Event.START_ARRAY);
            JsonParser.Event event;
            while ((event = parser.next()) == JsonParser.Event.START_OBJECT) {
                JsonObject edge = parser.getObject();
                if (edge.get("node") instanceof JsonObject node) {
                    visitor.node(name, node);
                }
            }
            if (event != JsonParser.Event.END_ARRAY) {
                throw new IllegalStateException("the edges of " + name + " are not objects");
            }
        }
    }

    private static void expect(JsonParser parser, JsonParser.Event expected) {
        JsonParser.Event event = parser.next();
        if (event != expected) {
            throw new IllegalStateException("not a catalog document: " + event + " where " + expected + " belongs");
        }
    }

    private static void skipValue(JsonParser parser) {
        switch (parser.next()) {
            case START_OBJECT -> parser.skipObject();
            case START_ARRAY -> parser.skipArray();
            default -> {
            }
        }
    }
}

package dev.salesbot.sync.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@link jakarta.json.Json}'s factory methods on one provider looked up once. {@code Json.create…}
 * looks the provider up through the ServiceLoader on every call (JSON-P's own javadoc advises caching
 * it); under load those lookups serialise request threads on the class loader's JAR index — 40 % of
 * the webhook endpoint's time at 500 requests/s before this class existed.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());

    private Jsonp() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return BUILDERS.createObjectBuilder(object);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonReader createReader(InputStream in) {
        return READERS.createReader(in);
    }

    public static JsonReader createReader(Reader in) {
        return READERS.createReader(in);
    }

    /**
     * Reads JSON held in {@code utf8} (JSON between systems is UTF-8: RFC 8259, section 8.1; a byte
     * order mark is ignored, as a stream reader would). Through a string, not a stream: a reader
     * over a stream decodes through an 8 KB buffer of its own, allocated per call — for a webhook
     * delivery of a few hundred bytes, the largest allocation of its receipt.
     */
    public static JsonReader createReader(byte[] utf8) {
        return READERS.createReader(new StringReader(text(utf8, utf8.length)));
    }

    /** A parser over the first {@code length} bytes of {@code utf8}, read as {@link #createReader(byte[])} reads. */
    public static JsonParser createParser(byte[] utf8, int length) {
        return PROVIDER.createParser(new StringReader(text(utf8, length)));
    }

    /** The UTF-8 text of the first {@code length} bytes, malformed bytes replaced and a leading byte order mark dropped, as a stream reader decodes. */
    private static String text(byte[] utf8, int length) {
        String text = new String(utf8, 0, length, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static JsonWriter createWriter(Writer out) {
        return WRITERS.createWriter(out);
    }

    /** The provider itself, for what the factories do not offer. */
    public static JsonProvider provider() {
        return PROVIDER;
    }
}

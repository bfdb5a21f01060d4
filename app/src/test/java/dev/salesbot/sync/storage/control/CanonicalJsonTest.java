package dev.salesbot.sync.storage.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static String canonical(String json) {
        return new String(CanonicalJson.bytes(parse(json)), StandardCharsets.UTF_8);
    }

    @Test
    void sortsObjectKeysAtEveryDepth() {
        assertThat(canonical("{\"title\":\"Mug\",\"handle\":\"mug\",\"variants\":[{\"sku\":\"M-1\",\"price\":\"12.00\"}]}"))
                .isEqualTo("{\"handle\":\"mug\",\"title\":\"Mug\",\"variants\":[{\"price\":\"12.00\",\"sku\":\"M-1\"}]}");
    }

    @Test
    void dropsInsignificantWhitespaceAndKeepsArrayOrder() {
        assertThat(canonical("{ \"tags\" : [ \"b\" , \"a\" ] ,\n \"n\" : null, \"t\": true, \"f\": false }"))
                .isEqualTo("{\"f\":false,\"n\":null,\"t\":true,\"tags\":[\"b\",\"a\"]}");
    }

    @Test
    void writesNumbersAsGiven() {
        assertThat(canonical("{\"inventory\":42,\"price\":19.90,\"weight\":-0.5}"))
                .isEqualTo("{\"inventory\":42,\"price\":19.90,\"weight\":-0.5}");
    }

    @Test
    void sameContentInAnyKeyOrderGivesTheSameBytesAndHash() {
        var one = CanonicalJson.bytes(parse("{\"shop\":{\"name\":\"Acme\",\"currencyCode\":\"USD\"},\"products\":[]}"));
        var other = CanonicalJson.bytes(parse("{\"products\":[],\"shop\":{\"currencyCode\":\"USD\",\"name\":\"Acme\"}}"));

        assertThat(other).isEqualTo(one);
        assertThat(CanonicalJson.sha256Hex(other)).isEqualTo(CanonicalJson.sha256Hex(one));
    }

    @Test
    void encodesTextAsUtf8AndEscapesOnlyWhatJsonRequires() {
        var bytes = CanonicalJson.bytes(Json.createObjectBuilder()
                .add("title", "Café \"Deluxe\" ☕ 🎁\n\u0001/")
                .build());

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"title\":\"Café \\\"Deluxe\\\" ☕ 🎁\\n\\u0001/\"}");
    }

    @Test
    void hashesAsLowerCaseHexSha256() {
        assertThat(CanonicalJson.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aDocumentLargerThanOneBufferChunkIsWrittenWhole() {
        var products = Json.createArrayBuilder();
        var expected = new StringBuilder("{\"products\":[");
        for (int i = 0; i < 5_000; i++) {
            products.add(Json.createObjectBuilder().add("title", "Tasse n°" + i + " 🎁").add("id", i));
            expected.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"title\":\"Tasse n°").append(i).append(" 🎁\"}");
        }
        expected.append("]}");

        var bytes = CanonicalJson.bytes(Json.createObjectBuilder().add("products", products).build());

        assertThat(bytes.length).isGreaterThan(64 * 1024);
        assertThat(bytes).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }
}

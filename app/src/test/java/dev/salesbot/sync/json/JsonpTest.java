package dev.salesbot.sync.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Jsonp#createReader(byte[])} and {@link Jsonp#createParser(byte[], int)} read bytes as a stream reader would, without its buffer. */
class JsonpTest {

    private static JsonObject read(byte[] bytes) {
        try (JsonReader reader = Jsonp.createReader(bytes)) {
            return reader.readObject();
        }
    }

    @Test
    void readsUtf8() {
        assertThat(read("{\"title\":\"Café ☕ 🍰\"}".getBytes(StandardCharsets.UTF_8)).getString("title")).isEqualTo("Café ☕ 🍰");
    }

    @Test
    void ignoresAByteOrderMarkAsAStreamReaderDoes() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'a', '"', ':', '1', '}'};
        assertThat(read(bytes).getInt("a")).isEqualTo(1);
    }

    @Test
    void replacesMalformedBytesAsAStreamReaderDoes() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThat(read(bytes).getString("a")).isEqualTo("\uFFFD");
    }

    @Test
    void parsesOnlyTheGivenLengthOfABufferLikeAStreamParser() {
        // A reused line buffer: a JSON Lines line, then what an earlier, longer line left behind.
        byte[] buffer = "\uFEFF{\"id\":\"gid://shopify/Product/1\",\"t\":\"Café\"}{\"stale\":true}".getBytes(StandardCharsets.UTF_8);
        int length = buffer.length - "{\"stale\":true}".length();
        try (JsonParser parser = Jsonp.createParser(buffer, length)) {
            assertThat(parser.next()).isEqualTo(JsonParser.Event.START_OBJECT);
            JsonObject line = parser.getObject();
            assertThat(line.getString("id")).isEqualTo("gid://shopify/Product/1");
            assertThat(line.getString("t")).isEqualTo("Café");
            assertThat(parser.hasNext()).isFalse();
        }
    }
}

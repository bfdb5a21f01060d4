package dev.salesbot.sync.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Jsonp#createReader(byte[])} reads bytes as a stream reader would, without its buffer. */
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
}

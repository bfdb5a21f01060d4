package dev.salesbot.sync.json;

import jakarta.json.JsonValue;

import java.io.StringWriter;

/** JSON text of the compact values, written by the platform's provider as its own values are. */
final class JsonTexts {

    private JsonTexts() {
    }

    static String of(JsonValue value) {
        StringWriter out = new StringWriter();
        try (var writer = Jsonp.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }
}

package dev.salesbot.sync.facebook.sync;

import dev.salesbot.sync.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * The stored {@code page_data.json}: {@code {"data":[<Page node>]}}, the shape the tutorial's bot
 * reads, with the node as Graph answered it but only the configured fields — so a token, or any
 * field Graph adds unasked, can never reach the bucket. No {@code paging}: one Page has none, and
 * Graph's paging links carry tokens.
 */
public final class PageSnapshot {

    private PageSnapshot() {
    }

    public static JsonObject document(JsonObject node, List<String> fields) {
        JsonObjectBuilder page = Jsonp.createObjectBuilder();
        for (String field : fields) {
            if (!"access_token".equals(field) && node.containsKey(field)) {
                page.add(field, node.get(field));
            }
        }
        return Jsonp.createObjectBuilder().add("data", Jsonp.createArrayBuilder().add(page)).build();
    }
}

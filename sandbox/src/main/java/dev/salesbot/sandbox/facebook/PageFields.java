package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Page node with only the fields asked for, shaped as Graph shapes them ({@code picture}
 * as {@code {"data":{"url":...}}}, {@code location} as an object, {@code hours} as a map). An
 * unknown field is an error, as on Graph, so a misspelt field fails a test instead of silently
 * coming back empty. {@code id} is always included, as Graph does.
 */
final class PageFields {

    static final Set<String> PAGE_FIELDS = Set.of("id", "name", "category", "about", "description",
            "website", "phone", "emails", "hours", "location", "link", "picture", "fan_count");

    private PageFields() {
    }

    /**
     * @param extras edge-specific fields (such as {@code access_token} and {@code tasks} on
     *               {@code /me/accounts}) that are valid only where the caller offers them
     */
    static JsonObject render(SandboxPage page, List<String> fields, Map<String, JsonValue> extras) {
        List<String> wanted = new ArrayList<>(fields);
        if (!wanted.contains("id")) {
            wanted.add("id");
        }
        JsonObjectBuilder node = SandboxJson.JSON.createObjectBuilder();
        for (String field : wanted) {
            if (extras.containsKey(field)) {
                node.add(field, extras.get(field));
            } else if (PAGE_FIELDS.contains(field)) {
                add(node, page, field);
            } else {
                throw GraphError.nonexistingField(field, "Page").exception();
            }
        }
        return node.build();
    }

    private static void add(JsonObjectBuilder node, SandboxPage page, String field) {
        switch (field) {
            case "id" -> node.add("id", page.id());
            case "name" -> node.add("name", page.name());
            case "category" -> node.add("category", page.category());
            case "about" -> node.add("about", page.about());
            case "description" -> node.add("description", page.description());
            case "website" -> node.add("website", page.website());
            case "phone" -> node.add("phone", page.phone());
            case "emails" -> {
                JsonArrayBuilder emails = SandboxJson.JSON.createArrayBuilder();
                page.emails().forEach(emails::add);
                node.add("emails", emails);
            }
            case "hours" -> {
                JsonObjectBuilder hours = SandboxJson.JSON.createObjectBuilder();
                page.hours().forEach(hours::add);
                node.add("hours", hours);
            }
            case "location" -> node.add("location", location(page.location()));
            case "link" -> node.add("link", page.link());
            case "picture" -> node.add("picture", SandboxJson.JSON.createObjectBuilder().add("data",
                    SandboxJson.JSON.createObjectBuilder()
                            .add("height", 50)
                            .add("is_silhouette", false)
                            .add("url", page.pictureUrl())
                            .add("width", 50)));
            case "fan_count" -> node.add("fan_count", page.fanCount());
            default -> throw new IllegalStateException("unhandled Page field " + field);
        }
    }

    private static JsonObject location(SandboxPage.Location location) {
        return SandboxJson.JSON.createObjectBuilder()
                .add("city", location.city())
                .add("country", location.country())
                .add("latitude", location.latitude())
                .add("longitude", location.longitude())
                .add("street", location.street())
                .add("zip", location.zip())
                .build();
    }
}

package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Page node ({@code /{page-id}}) and its {@code subscribed_apps} edge. Reading needs the Page's
 * token or a user token whose grant includes the Page; managing subscriptions needs the Page's own
 * token and {@code pages_manage_metadata}, as on Graph.
 */
final class PageNodes {

    private static final List<String> DEFAULT_FIELDS = List.of("name", "id");

    private final FacebookWorld world;

    PageNodes(FacebookWorld world) {
        this.world = world;
    }

    JsonObject read(GraphRequest request, String pageId) {
        AccessTokens.Issued issued = world.tokens.resolve(request.token());
        SandboxPage page = visiblePage(issued, pageId);
        List<String> fields = request.fields().isEmpty() ? DEFAULT_FIELDS : request.fields();
        return PageFields.render(page, fields, Map.of());
    }

    JsonObject subscribe(GraphRequest request, String pageId) {
        managedPage(request, pageId);
        String raw = request.param("subscribed_fields");
        if (raw == null) {
            throw GraphError.missingParameter("subscribed_fields").exception();
        }
        world.subscriptions.subscribe(pageId, parseFields(raw));
        return success();
    }

    JsonObject unsubscribe(GraphRequest request, String pageId) {
        managedPage(request, pageId);
        world.subscriptions.unsubscribe(pageId);
        return success();
    }

    JsonObject subscribedApps(GraphRequest request, String pageId) {
        managedPage(request, pageId);
        JsonArrayBuilder data = SandboxJson.JSON.createArrayBuilder();
        world.subscriptions.fields(pageId).ifPresent(fields -> {
            JsonArrayBuilder subscribed = SandboxJson.JSON.createArrayBuilder();
            fields.forEach(subscribed::add);
            data.add(SandboxJson.JSON.createObjectBuilder()
                    .add("category", "Business")
                    .add("link", "https://sandbox.invalid/apps/" + world.settings().appId())
                    .add("name", FacebookSettings.APP_NAME)
                    .add("id", world.settings().appId())
                    .add("subscribed_fields", subscribed));
        });
        return SandboxJson.JSON.createObjectBuilder().add("data", data).build();
    }

    private SandboxPage visiblePage(AccessTokens.Issued issued, String pageId) {
        boolean allowed = issued.kind() == AccessTokens.Kind.PAGE
                ? issued.pageId().equals(pageId)
                : issued.grant().allowsPage(pageId);
        if (!allowed) {
            // Graph does not tell a Page it cannot see from one that does not exist.
            throw GraphError.unknownObject(pageId).exception();
        }
        return world.page(pageId).orElseThrow(() -> GraphError.unknownObject(pageId).exception());
    }

    private void managedPage(GraphRequest request, String pageId) {
        AccessTokens.Issued issued = world.tokens.resolve(request.token());
        visiblePage(issued, pageId);
        if (issued.kind() != AccessTokens.Kind.PAGE) {
            throw GraphError.pageTokenRequired().exception();
        }
        if (!issued.grant().hasScope("pages_manage_metadata")) {
            throw GraphError.permissionRequired("pages_manage_metadata").exception();
        }
    }

    /** Graph takes {@code subscribed_fields} as {@code feed,messages} or as a JSON array. */
    static List<String> parseFields(String raw) {
        String trimmed = raw.trim();
        List<String> fields = new ArrayList<>();
        if (trimmed.startsWith("[")) {
            try (JsonReader reader = SandboxJson.JSON.createReader(new StringReader(trimmed))) {
                JsonArray array = reader.readArray();
                array.getValuesAs(JsonString.class).forEach(s -> fields.add(s.getString().trim()));
            } catch (RuntimeException e) {
                throw GraphError.invalidParameter("Param subscribed_fields must be an array of strings").exception();
            }
        } else {
            Arrays.stream(trimmed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(fields::add);
        }
        if (fields.isEmpty()) {
            throw GraphError.missingParameter("subscribed_fields").exception();
        }
        return fields;
    }

    private static JsonObject success() {
        return SandboxJson.JSON.createObjectBuilder().add("success", true).build();
    }
}

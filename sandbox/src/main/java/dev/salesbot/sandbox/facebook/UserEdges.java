package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;

/**
 * The sandbox user's node and edges: {@code /me}, {@code /me/accounts} (the Pages the user
 * granted, with Page tokens, cursor-paged) and {@code /me/permissions}.
 */
final class UserEdges {

    static final List<String> DEFAULT_ACCOUNT_FIELDS = List.of("access_token", "category", "name", "id", "tasks");
    static final List<String> TASKS = List.of("ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING",
            "MODERATE", "MANAGE");
    private static final List<String> USER_FIELDS = List.of("id", "name");

    private final FacebookWorld world;

    UserEdges(FacebookWorld world) {
        this.world = world;
    }

    JsonObject me(GraphRequest request) {
        AccessTokens.Issued issued = world.tokens.resolve(request.token());
        List<String> fields = request.fields().isEmpty() ? USER_FIELDS : request.fields();
        if (issued.kind() == AccessTokens.Kind.PAGE) {
            SandboxPage page = world.page(issued.pageId())
                    .orElseThrow(() -> GraphError.invalidToken().exception());
            return PageFields.render(page, fields, Map.of());
        }
        JsonObjectBuilder me = SandboxJson.JSON.createObjectBuilder();
        for (String field : fields) {
            switch (field) {
                case "id" -> me.add("id", FacebookWorld.USER_ID);
                case "name" -> me.add("name", FacebookWorld.USER_NAME);
                default -> throw GraphError.nonexistingField(field, "User").exception();
            }
        }
        return me.build();
    }

    /** @param graphBase absolute URL of the Graph root (without version), for {@code paging.next} */
    JsonObject accounts(GraphRequest request, String graphBase) {
        Grant grant = userGrant(request, "accounts");
        if (!grant.hasScope("pages_show_list")) {
            // Graph answers an empty list, not an error, when pages_show_list was not granted.
            return SandboxJson.JSON.createObjectBuilder().add("data", SandboxJson.JSON.createArrayBuilder()).build();
        }
        List<SandboxPage> granted = world.pages().stream().filter(p -> grant.allowsPage(p.id())).toList();
        List<String> fields = request.fields().isEmpty() ? DEFAULT_ACCOUNT_FIELDS : request.fields();
        CursorWindow window = CursorWindow.of(request, granted.stream().map(SandboxPage::id).toList());
        JsonArrayBuilder data = SandboxJson.JSON.createArrayBuilder();
        for (SandboxPage page : granted.subList(window.from(), window.to())) {
            data.add(PageFields.render(page, fields, accountExtras(grant, page, fields)));
        }
        JsonObjectBuilder answer = SandboxJson.JSON.createObjectBuilder().add("data", data);
        window.paging(graphBase + "/" + request.version() + "/me/accounts", request)
                .ifPresent(paging -> answer.add("paging", paging));
        return answer.build();
    }

    JsonObject permissions(GraphRequest request) {
        Grant grant = userGrant(request, "permissions");
        JsonArrayBuilder data = SandboxJson.JSON.createArrayBuilder();
        grant.grantedScopes().forEach(scope -> data.add(permission(scope, "granted")));
        if (!grant.grantedScopes().contains("public_profile")) {
            data.add(permission("public_profile", "granted"));
        }
        grant.declinedScopes().forEach(scope -> data.add(permission(scope, "declined")));
        return SandboxJson.JSON.createObjectBuilder().add("data", data).build();
    }

    private Grant userGrant(GraphRequest request, String edge) {
        AccessTokens.Issued issued = world.tokens.resolve(request.token());
        if (issued.kind() != AccessTokens.Kind.USER) {
            throw GraphError.nonexistingField(edge, "Page").exception();
        }
        return issued.grant();
    }

    private Map<String, JsonValue> accountExtras(Grant grant, SandboxPage page, List<String> fields) {
        JsonArrayBuilder tasks = SandboxJson.JSON.createArrayBuilder();
        TASKS.forEach(tasks::add);
        // Only mint a Page token when it is asked for, so the stats list only tokens that left.
        JsonValue token = fields.contains("access_token")
                ? SandboxJson.JSON.createValue(world.tokens.pageToken(grant, page.id()))
                : JsonValue.NULL;
        return Map.of("access_token", token, "tasks", tasks.build());
    }

    private static JsonObject permission(String scope, String status) {
        return SandboxJson.JSON.createObjectBuilder().add("permission", scope).add("status", status).build();
    }
}

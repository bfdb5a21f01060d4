package dev.salesbot.sync.shopify.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages connections to the end, nested ones included, and merges the pages so the result looks as
 * if one query had returned every edge: all edges in order and {@code hasNextPage: false}.
 */
final class ConnectionPages {

    private static final System.Logger LOGGER = System.getLogger(ConnectionPages.class.getName());

    private final PacedAdmin admin;
    /** Every kept edge is compacted as it arrives: the catalog is held whole until it is stored. */
    private final CompactJson compact = new CompactJson();

    ConnectionPages(PacedAdmin admin) {
        this.admin = admin;
    }

    /** Every edge of the top-level connection {@code key}; {@code variables} lack only {@code after}. */
    JsonObject all(String key, AdminQuery query, JsonObject variables, int cost, List<NestedConnection> nested) {
        List<JsonValue> edges = new ArrayList<>();
        String cursor = null;
        boolean more;
        do {
            JsonObject data = admin.data(query, withAfter(variables, cursor), cost);
            JsonObject page = data.getJsonObject(key);
            for (JsonValue edge : page.getJsonArray("edges")) {
                JsonObject edgeObject = edge.asJsonObject();
                edges.add(compact.object(Json.createObjectBuilder(edgeObject)
                        .add("node", complete(edgeObject.getJsonObject("node"), nested)).build()));
            }
            JsonObject pageInfo = page.getJsonObject("pageInfo");
            String next = endCursor(pageInfo, cursor);
            // A cursor that does not move would page forever: stop rather than spin.
            more = pageInfo.getBoolean("hasNextPage", false) && next != null && !next.equals(cursor);
            cursor = next;
        } while (more);
        return merged(edges, cursor);
    }

    /** {@code node} with each of its nested connections that has further pages fetched to the end. */
    JsonObject complete(JsonObject node, List<NestedConnection> nested) {
        JsonObject result = node;
        for (NestedConnection connection : nested) {
            if (JsonPaths.at(result, connection.pathInNode()) instanceof JsonObject first) {
                result = JsonPaths.with(result, connection.pathInNode(), rest(node.getString("id"), first, connection));
            }
        }
        return result;
    }

    private JsonObject rest(String id, JsonObject first, NestedConnection connection) {
        JsonObject pageInfo = first.getJsonObject("pageInfo");
        if (pageInfo == null || !pageInfo.getBoolean("hasNextPage", false)) {
            return first;
        }
        List<JsonValue> edges = new ArrayList<>(first.getJsonArray("edges"));
        String cursor = endCursor(pageInfo, null);
        boolean more = cursor != null;
        while (more) {
            JsonObject variables = Json.createObjectBuilder()
                    .add("id", id).add("first", AdminQueries.FOLLOW_UP_PAGE).add("after", cursor).build();
            JsonObject data = admin.data(connection.followUp(), variables, connection.cost());
            if (!(JsonPaths.at(data, connection.pathInAnswer()) instanceof JsonObject page)) {
                // Deleted between two pages: keep what we have; the next sync sees the deletion.
                LOGGER.log(System.Logger.Level.WARNING, "{0} vanished while paging {1}", id, connection.followUp().name());
                break;
            }
            edges.addAll(page.getJsonArray("edges"));
            JsonObject info = page.getJsonObject("pageInfo");
            String next = endCursor(info, cursor);
            more = info.getBoolean("hasNextPage", false) && !next.equals(cursor);
            cursor = next;
        }
        return merged(edges, cursor);
    }

    private static JsonObject merged(List<JsonValue> edges, String endCursor) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        edges.forEach(array::add);
        JsonObjectBuilder pageInfo = Json.createObjectBuilder().add("hasNextPage", false);
        if (endCursor == null) {
            pageInfo.addNull("endCursor");
        } else {
            pageInfo.add("endCursor", endCursor);
        }
        return Json.createObjectBuilder().add("edges", array).add("pageInfo", pageInfo).build();
    }

    private static String endCursor(JsonObject pageInfo, String previous) {
        return pageInfo.get("endCursor") instanceof JsonString s ? s.getString() : previous;
    }

    private static JsonObject withAfter(JsonObject variables, String cursor) {
        return cursor == null ? variables : Json.createObjectBuilder(variables).add("after", cursor).build();
    }
}

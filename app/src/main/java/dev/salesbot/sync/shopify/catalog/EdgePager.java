package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.json.CompactJson;
import dev.salesbot.sync.json.JsonPaths;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.graphql.GraphqlQuery;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import java.util.function.LongConsumer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages connections to the end, nested ones included, and merges the pages so the result looks as
 * if one query had returned every edge: all edges in order and {@code hasNextPage: false}. Cursors
 * are paging state, not catalog data: every stored connection is {@code {"edges": [{"node": …}],
 * "pageInfo": {"hasNextPage": false}}}, so that a snapshot patched from a few nodes fetched by id,
 * or assembled from a bulk operation's lines, is byte for byte the one a full paged fetch writes.
 */
public final class EdgePager {

    private static final System.Logger LOGGER = System.getLogger(EdgePager.class.getName());

    private final PacedGraphql graphql;
    /** Every kept edge is compacted as it arrives ({@link #all}: the few nodes a caller keeps in memory). */
    private final CompactJson compact = new CompactJson();

    EdgePager(PacedGraphql graphql) {
        this.graphql = graphql;
    }

    /** Every edge of the top-level connection {@code key}; {@code variables} lack only {@code after}. */
    JsonObject all(String key, GraphqlQuery query, JsonObject variables, int cost, List<NestedEdges> nested) {
        return all(key, query, variables, cost, nested, n -> { });
    }

    /** {@link #all(String, GraphqlQuery, JsonObject, int, List)}, telling {@code fetched} the count so far after each page. */
    JsonObject all(String key, GraphqlQuery query, JsonObject variables, int cost, List<NestedEdges> nested,
                   LongConsumer fetched) {
        List<JsonValue> edges = new ArrayList<>();
        each(key, query, variables, cost, nested, fetched, node -> edges.add(compact.object(edge(node))));
        return merged(edges);
    }

    /**
     * Every node of the top-level connection {@code key}, complete, handed to {@code each} as its
     * page arrives and not kept (a full sync spools them, {@link CatalogSpool}); answers how many.
     */
    long each(String key, GraphqlQuery query, JsonObject variables, int cost, List<NestedEdges> nested,
              LongConsumer fetched, java.util.function.Consumer<JsonObject> each) {
        long count = 0;
        String cursor = null;
        boolean more;
        do {
            JsonObject data = graphql.data(query, withAfter(variables, cursor), cost);
            JsonObject page = data.getJsonObject(key);
            for (JsonValue edge : page.getJsonArray("edges")) {
                each.accept(complete(edge.asJsonObject().getJsonObject("node"), nested));
                count++;
            }
            fetched.accept(count);
            JsonObject pageInfo = page.getJsonObject("pageInfo");
            String next = endCursor(pageInfo, cursor);
            // A cursor that does not move would page forever: stop rather than spin.
            more = pageInfo.getBoolean("hasNextPage", false) && next != null && !next.equals(cursor);
            cursor = next;
        } while (more);
        return count;
    }

    /** {@code node} with each of its nested connections fetched to the end, in the stored shape. */
    JsonObject complete(JsonObject node, List<NestedEdges> nested) {
        JsonObject result = node;
        for (NestedEdges connection : nested) {
            if (JsonPaths.at(result, connection.pathInNode()) instanceof JsonObject first) {
                result = JsonPaths.with(result, connection.pathInNode(), rest(node.getString("id"), first, connection));
            }
        }
        return result;
    }

    private JsonObject rest(String id, JsonObject first, NestedEdges connection) {
        JsonObject pageInfo = first.getJsonObject("pageInfo");
        List<JsonValue> edges = new ArrayList<>();
        first.getJsonArray("edges").forEach(e -> edges.add(edge(e.asJsonObject().getJsonObject("node"))));
        String cursor = pageInfo == null ? null : endCursor(pageInfo, null);
        boolean more = cursor != null && pageInfo.getBoolean("hasNextPage", false);
        while (more) {
            JsonObject variables = Jsonp.createObjectBuilder()
                    .add("id", id).add("first", CatalogQueries.FOLLOW_UP_PAGE).add("after", cursor).build();
            JsonObject data = graphql.data(connection.followUp(), variables, connection.cost());
            if (!(JsonPaths.at(data, connection.pathInAnswer()) instanceof JsonObject page)) {
                // Deleted between two pages: keep what we have; the next sync sees the deletion.
                LOGGER.log(System.Logger.Level.WARNING, "{0} vanished while paging {1}", id, connection.followUp().name());
                break;
            }
            page.getJsonArray("edges").forEach(e -> edges.add(edge(e.asJsonObject().getJsonObject("node"))));
            JsonObject info = page.getJsonObject("pageInfo");
            String next = endCursor(info, cursor);
            more = info.getBoolean("hasNextPage", false) && !next.equals(cursor);
            cursor = next;
        }
        return merged(edges);
    }

    /** The stored form of an edge: its node only. */
    public static JsonObject edge(JsonObject node) {
        return Jsonp.createObjectBuilder().add("node", node).build();
    }

    /** The stored form of a connection: every edge, and no further page. */
    public static JsonObject merged(List<? extends JsonValue> edges) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        edges.forEach(array::add);
        return Jsonp.createObjectBuilder().add("edges", array)
                .add("pageInfo", Jsonp.createObjectBuilder().add("hasNextPage", false)).build();
    }

    private static String endCursor(JsonObject pageInfo, String previous) {
        return pageInfo.get("endCursor") instanceof JsonString s ? s.getString() : previous;
    }

    private static JsonObject withAfter(JsonObject variables, String cursor) {
        return cursor == null ? variables : Jsonp.createObjectBuilder(variables).add("after", cursor).build();
    }
}

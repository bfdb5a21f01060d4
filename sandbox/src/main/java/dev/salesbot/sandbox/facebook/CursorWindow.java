package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Graph's cursor-based paging over an ordered list of ids: {@code limit} (default 25; over
 * 100 is an error, as on Graph), {@code after} and {@code before} cursors (base64 of an id, as Graph's are), and a
 * {@code paging} object whose {@code next}/{@code previous} appear only when there is more that way.
 * Like Graph, the links carry the caller's access token: a client must not log or store them.
 */
record CursorWindow(List<String> ids, int from, int to, int limit) {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    static CursorWindow of(GraphRequest request, List<String> ids) {
        int limit = limit(request.param("limit"));
        String after = request.param("after");
        String before = request.param("before");
        if (after != null) {
            int from = indexOf(ids, after) + 1;
            return new CursorWindow(ids, from, Math.min(ids.size(), from + limit), limit);
        }
        if (before != null) {
            int to = indexOf(ids, before);
            return new CursorWindow(ids, Math.max(0, to - limit), to, limit);
        }
        return new CursorWindow(ids, 0, Math.min(ids.size(), limit), limit);
    }

    /** The {@code paging} object for this window; none when the window is empty. */
    Optional<JsonObject> paging(String edgeUrl, GraphRequest request) {
        if (from >= to) {
            return Optional.empty();
        }
        String first = cursor(ids.get(from));
        String last = cursor(ids.get(to - 1));
        JsonObjectBuilder paging = SandboxJson.JSON.createObjectBuilder()
                .add("cursors", SandboxJson.JSON.createObjectBuilder().add("before", first).add("after", last));
        if (from > 0) {
            paging.add("previous", link(edgeUrl, request, "before", first));
        }
        if (to < ids.size()) {
            paging.add("next", link(edgeUrl, request, "after", last));
        }
        return Optional.of(paging.build());
    }

    static String cursor(String id) {
        return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private String link(String edgeUrl, GraphRequest request, String direction, String cursor) {
        StringJoiner query = new StringJoiner("&", edgeUrl + "?", "");
        query.add("access_token=" + encode(request.token()));
        if (request.param("fields") != null) {
            query.add("fields=" + encode(request.param("fields")));
        }
        query.add("limit=" + limit);
        query.add(direction + "=" + encode(cursor));
        return query.toString();
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1) {
                throw GraphError.invalidParameter("The 'limit' parameter must be positive").exception();
            }
            if (limit > MAX_LIMIT) {
                throw GraphError.invalidParameter("The 'limit' parameter should not exceed " + MAX_LIMIT).exception();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw GraphError.invalidParameter("The 'limit' parameter must be a number").exception();
        }
    }

    private static int indexOf(List<String> ids, String cursor) {
        String id;
        try {
            id = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphError.invalidParameter("Invalid cursor").exception();
        }
        int index = ids.indexOf(id);
        if (index < 0) {
            throw GraphError.invalidParameter("Invalid cursor").exception();
        }
        return index;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

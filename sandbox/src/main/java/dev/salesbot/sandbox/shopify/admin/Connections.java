package dev.salesbot.sandbox.shopify.admin;

import graphql.GraphqlErrorException;
import graphql.schema.DataFetchingEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relay cursor pagination over an id-ordered list, the way Shopify pages with the default ID sort
 * key: {@code first}/{@code after}, {@code last}/{@code before}, {@code reverse}, and opaque cursors
 * that are base64 JSON of the last id ({@code {"last_id":…,"last_value":…}}), so a cursor stays
 * valid while the catalog changes around it.
 */
final class Connections {

    private static final Pattern LAST_ID = Pattern.compile("\"last_id\"\\s*:\\s*(\\d+)");

    private Connections() {
    }

    static <T> Map<String, Object> page(List<T> ascending, ToLongFunction<T> idOf, DataFetchingEnvironment env,
                                        Function<T, Map<String, Object>> view) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        boolean reverse = Boolean.TRUE.equals(env.getArgument("reverse"));
        List<T> ordered = reverse ? reversed(ascending) : ascending;
        int size = ordered.size();
        int start = 0;
        int end = size;
        BulkWindow window = env.getGraphQlContext().get(BulkWindow.KEY);
        if (window != null) {
            // A bulk operation: Shopify ignores paging and returns every node. Its root connection is
            // executed in windows of roots (BulkOperations), nested ones whole.
            if (env.getExecutionStepInfo().getPath().getLevel() == 1) {
                start = window.afterId() == null ? 0 : positionAfter(ordered, idOf, window.afterId(), reverse);
                end = Math.min(size, start + window.roots());
            }
            first = null;
            last = null;
        }
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        if (window != null) {
            after = null;
            before = null;
        }
        if (after != null) {
            start = positionAfter(ordered, idOf, decode(after), reverse);
        }
        if (before != null) {
            end = Math.max(start, positionAfter(ordered, idOf, decode(before), reverse) - (contains(ordered, idOf, decode(before), reverse) ? 1 : 0));
        }
        if (first != null) {
            end = Math.min(end, start + Math.max(0, first));
        }
        if (last != null) {
            start = Math.max(start, end - Math.max(0, last));
        }
        List<Map<String, Object>> edges = new ArrayList<>(Math.max(0, end - start));
        List<Map<String, Object>> nodes = new ArrayList<>(Math.max(0, end - start));
        for (int i = start; i < end; i++) {
            T item = ordered.get(i);
            Map<String, Object> node = view.apply(item);
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", encode(idOf.applyAsLong(item)));
            edge.put("node", node);
            edges.add(edge);
            nodes.add(node);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", end < size);
        pageInfo.put("hasPreviousPage", start > 0);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("nodes", nodes);
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    static String encode(long id) {
        String json = "{\"last_id\":" + id + ",\"last_value\":" + id + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor.replace('+', '-').replace('/', '_')
                    .replace("=", "")), StandardCharsets.UTF_8);
            Matcher m = LAST_ID.matcher(json);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to Shopify's answer for a cursor it did not issue
        }
        throw GraphqlErrorException.newErrorException()
                .message("Invalid cursor for current pagination sort.")
                .extensions(Map.of("code", "BAD_REQUEST"))
                .build();
    }

    /** Index of the first item that comes after {@code id} in this order. */
    private static <T> int positionAfter(List<T> ordered, ToLongFunction<T> idOf, long id, boolean reverse) {
        int low = 0;
        int high = ordered.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            long midId = idOf.applyAsLong(ordered.get(mid));
            boolean beyond = reverse ? midId < id : midId > id;
            if (beyond) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static <T> boolean contains(List<T> ordered, ToLongFunction<T> idOf, long id, boolean reverse) {
        int at = positionAfter(ordered, idOf, id, reverse) - 1;
        return at >= 0 && idOf.applyAsLong(ordered.get(at)) == id;
    }

    private static <T> List<T> reversed(List<T> list) {
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                return list.get(list.size() - 1 - index);
            }

            @Override
            public int size() {
                return list.size();
            }
        };
    }
}

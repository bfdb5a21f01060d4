package dev.salesbot.sandbox.shopify.admin;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A bulk query's answer as Shopify writes it (https://shopify.dev/docs/api/usage/bulk-operations/queries,
 * "Download result data"): one JSON object per line for every node of every connection, nested
 * connections taken out of their parent and written as lines of their own carrying
 * {@code __parentId} (the id of the node they belong to). With {@code groupObjects} false (the
 * 2026-10 default) a child comes after its parent but not necessarily right after it: this writes a
 * window's roots first, then their children, then the grandchildren, so a reader that assumes
 * adjacency fails here as it would on Shopify. With {@code groupObjects} true, each parent is
 * followed by its own children.
 */
final class BulkLines {

    /** What one window wrote: lines, root lines, and the numeric id of the last root (the next window starts after it). */
    record Result(long objects, long roots, Long lastRootId) {
    }

    private record Line(Map<String, Object> object, int level, List<Line> children) {
    }

    private BulkLines() {
    }

    static Result write(Map<String, Object> data, List<BulkQueryRules.Connection> connections, boolean group, Writer out)
            throws IOException {
        Set<List<String>> paths = connections.stream().map(BulkQueryRules.Connection::path).collect(Collectors.toSet());
        List<Line> roots = new ArrayList<>();
        Long lastRootId = null;
        for (BulkQueryRules.Connection connection : connections) {
            if (connection.path().size() != 1 || data == null || !(data.get(connection.path().get(0)) instanceof Map<?, ?> root)) {
                continue;
            }
            for (Node node : nodes(root, connection.path())) {
                roots.add(line(node, paths, null, 0));
                lastRootId = Ids.parse(node.object().get("id")).map(Ids.Gid::id).orElse(null);
            }
        }
        long[] objects = {0};
        if (group) {
            for (Line root : roots) {
                depthFirst(root, out, objects);
            }
        } else {
            List<Line> level = roots;
            while (!level.isEmpty()) {
                List<Line> next = new ArrayList<>();
                for (Line line : level) {
                    print(line, out, objects);
                    next.addAll(line.children());
                }
                level = next;
            }
        }
        return new Result(objects[0], roots.size(), lastRootId);
    }

    private static void depthFirst(Line line, Writer out, long[] objects) throws IOException {
        print(line, out, objects);
        for (Line child : line.children()) {
            depthFirst(child, out, objects);
        }
    }

    private static void print(Line line, Writer out, long[] objects) throws IOException {
        out.write(JsonValues.write(line.object()));
        out.write('\n');
        objects[0]++;
    }

    /** A node of a connection and the result-key path of its fields' parent ({@code …, edges, node} or {@code …, nodes}). */
    private record Node(Map<String, Object> object, List<String> path) {
    }

    /** One node as a line: its nested connections removed and turned into child lines. */
    private static Line line(Node node, Set<List<String>> connections, Object parentId, int level) {
        List<Line> children = new ArrayList<>();
        Map<String, Object> copy = strip(node.object(), node.path(), connections, node.object().get("id"), level, children);
        if (parentId != null) {
            copy.put("__parentId", parentId);
        }
        return new Line(copy, level, children);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> strip(Map<String, Object> object, List<String> path, Set<List<String>> connections,
                                             Object ownerId, int level, List<Line> children) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : object.entrySet()) {
            List<String> fieldPath = new ArrayList<>(path);
            fieldPath.add(field.getKey());
            if (connections.contains(fieldPath) && field.getValue() instanceof Map<?, ?> connection) {
                for (Node child : nodes(connection, fieldPath)) {
                    children.add(line(child, connections, ownerId, level + 1));
                }
            } else if (field.getValue() instanceof Map<?, ?> nested) {
                copy.put(field.getKey(), strip((Map<String, Object>) nested, fieldPath, connections, ownerId, level, children));
            } else {
                copy.put(field.getKey(), field.getValue());
            }
        }
        return copy;
    }

    /** The nodes of the connection answered at {@code path}, from {@code edges[].node} or {@code nodes}. */
    @SuppressWarnings("unchecked")
    private static List<Node> nodes(Map<?, ?> connection, List<String> path) {
        List<Node> nodes = new ArrayList<>();
        if (connection.get("edges") instanceof List<?> edges) {
            List<String> under = append(path, "edges", "node");
            for (Object edge : edges) {
                if (edge instanceof Map<?, ?> e && e.get("node") instanceof Map<?, ?> node) {
                    nodes.add(new Node((Map<String, Object>) node, under));
                }
            }
        } else if (connection.get("nodes") instanceof List<?> list) {
            List<String> under = append(path, "nodes");
            for (Object node : list) {
                if (node instanceof Map<?, ?> n) {
                    nodes.add(new Node((Map<String, Object>) n, under));
                }
            }
        }
        return nodes;
    }

    private static List<String> append(List<String> path, String... keys) {
        List<String> longer = new ArrayList<>(path);
        longer.addAll(List.of(keys));
        return List.copyOf(longer);
    }
}

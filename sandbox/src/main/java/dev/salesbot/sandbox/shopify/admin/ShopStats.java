package dev.salesbot.sandbox.shopify.admin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one store's Admin API received, for tests that assert how the product behaved. */
final class ShopStats {

    static final int QUERIES_KEPT = 20;

    private long requests;
    private long invalid;
    private long throttled;
    private long maxCostExceeded;
    private long accessDenied;
    private long totalRequestedCost;
    private long totalActualCost;
    private final Deque<String> queries = new ArrayDeque<>();
    /** Deprecated fields or arguments any query selected: Shopify may remove them in a later version. */
    private final java.util.Set<String> deprecated = new java.util.TreeSet<>();

    synchronized void request(String query) {
        requests++;
        queries.addLast(query == null ? "" : query);
        while (queries.size() > QUERIES_KEPT) {
            queries.removeFirst();
        }
    }

    synchronized void invalid() {
        invalid++;
    }

    synchronized void deprecated(List<String> selected) {
        deprecated.addAll(selected);
    }

    synchronized void throttled() {
        throttled++;
    }

    synchronized void maxCostExceeded() {
        maxCostExceeded++;
    }

    synchronized void accessDenied() {
        accessDenied++;
    }

    synchronized void cost(int requested, int actual) {
        totalRequestedCost += requested;
        totalActualCost += actual;
    }

    synchronized void reset() {
        requests = invalid = throttled = maxCostExceeded = accessDenied = totalRequestedCost = totalActualCost = 0;
        queries.clear();
        deprecated.clear();
    }

    /** The JSON shape of {@code GET …/_control/shops/{shop}/stats}. */
    synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", requests);
        m.put("invalid", invalid);
        m.put("throttled", throttled);
        m.put("maxCostExceeded", maxCostExceeded);
        m.put("accessDenied", accessDenied);
        m.put("totalRequestedCost", totalRequestedCost);
        m.put("totalActualCost", totalActualCost);
        m.put("deprecated", List.copyOf(deprecated));
        m.put("queries", List.copyOf(queries));
        return m;
    }
}

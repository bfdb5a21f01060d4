package dev.salesbot.sandbox.shopify.admin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    /** Runs of consecutive calls by one caller (its {@code User-Agent}), oldest first, the last {@value #CALLER_RUNS_KEPT}. */
    private final Deque<CallerRun> callers = new ArrayDeque<>();
    /** Calls of each caller being answered now. */
    private final Map<String, Integer> inFlight = new HashMap<>();
    /** Calls begun while another caller's call to this store was still being answered. */
    private long overlappingCalls;
    /** Deprecated fields or arguments any query selected: Shopify may remove them in a later version. */
    private final java.util.Set<String> deprecated = new java.util.TreeSet<>();

    synchronized void request(String query) {
        requests++;
        queries.addLast(query == null ? "" : query);
        while (queries.size() > QUERIES_KEPT) {
            queries.removeFirst();
        }
    }

    static final int CALLER_RUNS_KEPT = 100;

    /** One caller's consecutive calls and the operations they named. */
    private static final class CallerRun {
        final String caller;
        long calls;
        final Map<String, Long> operations = new TreeMap<>();

        CallerRun(String caller) {
            this.caller = caller;
        }
    }

    /**
     * A call of {@code caller} to this store begins: several servers sharing one database show up
     * here as several callers, and two of them calling the same store at the same time as an
     * overlapping call (what the product's sync leases must prevent).
     */
    synchronized void begin(String caller, String operation) {
        if (inFlight.keySet().stream().anyMatch(other -> !other.equals(caller))) {
            overlappingCalls++;
        }
        inFlight.merge(caller, 1, Integer::sum);
        CallerRun last = callers.peekLast();
        if (last == null || !last.caller.equals(caller)) {
            last = new CallerRun(caller);
            callers.addLast(last);
            while (callers.size() > CALLER_RUNS_KEPT) {
                callers.removeFirst();
            }
        }
        last.calls++;
        last.operations.merge(operation, 1L, Long::sum);
    }

    /** The call of {@code caller} {@link #begin begun} last has been answered. */
    synchronized void end(String caller) {
        inFlight.computeIfPresent(caller, (c, n) -> n > 1 ? n - 1 : null);
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

    synchronized void cost(int requested, int actual, LeakyBucket.Status bucket) {
        totalRequestedCost += requested;
        totalActualCost += actual;
        idealWait(requested, actual, bucket.maximumAvailable(), bucket.restoreRate());
    }

    /** The bucket of a client as fast as the rate limit allows; NaN until the first query (or a reset): full then. */
    private double idealAvailable = Double.NaN;
    /** How long that client must have waited for its bucket, in all, since the start or the last reset. */
    private double minimumWaitSeconds;

    /**
     * The same queries sent by an ideal client: each sent the moment the bucket holds its requested
     * cost, answered in no time, refunded down to its actual cost (Shopify's leaky bucket,
     * https://shopify.dev/docs/api/usage/limits#the-leaky-bucket-algorithm). Its total wait is what
     * the store's rate limit alone forces on these queries: the lower bound a benchmark compares to.
     */
    private void idealWait(int requested, int actual, double capacity, double restoreRate) {
        if (Double.isNaN(idealAvailable)) {
            idealAvailable = capacity;
        }
        double wait = idealAvailable >= requested || restoreRate <= 0 ? 0 : (requested - idealAvailable) / restoreRate;
        minimumWaitSeconds += wait;
        idealAvailable = Math.min(capacity, idealAvailable + wait * restoreRate) - actual;
    }

    synchronized void reset() {
        requests = invalid = throttled = maxCostExceeded = accessDenied = totalRequestedCost = totalActualCost = 0;
        queries.clear();
        deprecated.clear();
        callers.clear();
        overlappingCalls = 0;
        idealAvailable = Double.NaN; // a benchmark resets a store whose bucket has refilled
        minimumWaitSeconds = 0;
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
        m.put("overlappingCalls", overlappingCalls);
        m.put("minimumWaitSeconds", minimumWaitSeconds);
        m.put("callers", callers.stream().map(run -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("caller", run.caller);
            r.put("calls", run.calls);
            r.put("operations", new LinkedHashMap<>(run.operations));
            return r;
        }).toList());
        return m;
    }
}

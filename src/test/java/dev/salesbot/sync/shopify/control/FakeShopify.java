package dev.salesbot.sync.shopify.control;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's Admin GraphQL endpoint simulated as strictly as the tests need: queries execute
 * against the real schema (so an invalid field or variable fails as it would there), connections
 * page with cursors, each request pays its requested cost from a leaky bucket on a {@link FakeClock}
 * (THROTTLED when the bucket cannot pay, refund of requested − actual afterwards), and every answer
 * carries {@code extensions.cost}. Faults can be queued with {@link #failNext}.
 */
final class FakeShopify implements AdminTransport {

    record Request(String operation, Map<String, Object> variables, int requestedCost, boolean throttled) {
    }

    private final GraphQL graphQL = GraphQL.newGraphQL(AdminSchemaCheck.schema()).build();
    private final Map<String, Object> root;
    private final FakeClock clock;
    private final double maximum;
    private final double restoreRate;
    private final Duration latency;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    private double available;
    private Instant refilledAt;

    FakeShopify(Map<String, Object> root, FakeClock clock, double maximum, double restoreRate, Duration latency) {
        this.root = root;
        this.clock = clock;
        this.maximum = maximum;
        this.restoreRate = restoreRate;
        this.latency = latency;
        this.available = maximum;
        this.refilledAt = clock.instant();
    }

    static FakeShopify standardPlan(Map<String, Object> root, FakeClock clock) {
        return new FakeShopify(root, clock, 1000, 50, Duration.ofMillis(120));
    }

    void failNext(RuntimeException failure) {
        failures.add(failure);
    }

    void drainBucket() {
        refill();
        available = 0;
    }

    List<Request> requests() {
        return requests;
    }

    @Override
    public JsonObject post(String query, JsonObject variables) {
        Map<String, Object> vars = Jsons.toMap(variables);
        String operation = query.substring(query.indexOf("query ") + 6).split("[ ({]")[0];
        clock.advance(latency.dividedBy(2));
        if (!failures.isEmpty()) {
            requests.add(new Request(operation, vars, 0, false));
            throw failures.poll();
        }
        refill();
        int requested = AdminSchemaCheck.requestedCost(query, vars);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (requested > 1000) {
            answer.put("errors", List.of(Map.of("message", "Query cost is " + requested + ", which exceeds the single query max cost limit (1000).",
                    "extensions", Map.of("code", "MAX_COST_EXCEEDED"))));
        } else if (requested > available) {
            requests.add(new Request(operation, vars, requested, true));
            answer.put("errors", List.of(Map.of("message", "Throttled", "extensions", Map.of("code", "THROTTLED"))));
            answer.put("extensions", cost(requested, null));
        } else {
            requests.add(new Request(operation, vars, requested, false));
            available -= requested;
            ExecutionResult result = graphQL.execute(ExecutionInput.newExecutionInput(query).variables(vars).root(root).build());
            answer.putAll(result.toSpecification());
            int actual = result.getData() == null ? 0 : actualCost(result.getData());
            available = Math.min(maximum, available + requested - actual);
            answer.put("extensions", cost(requested, actual));
        }
        clock.advance(latency.dividedBy(2));
        return (JsonObject) Jsons.toJson(answer);
    }

    private Map<String, Object> cost(int requested, Integer actual) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", requested);
        cost.put("actualQueryCost", actual);
        cost.put("throttleStatus", Map.of("maximumAvailable", maximum, "currentlyAvailable", Math.floor(available),
                "restoreRate", restoreRate));
        return Map.of("cost", cost);
    }

    private void refill() {
        Instant now = clock.instant();
        double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
        available = Math.min(maximum, available + seconds * restoreRate);
        refilledAt = now;
    }

    /** What Shopify charges after the fact: objects actually returned, 2 per connection. */
    private static int actualCost(Object value) {
        int cost = 0;
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object child = entry.getValue();
                if ("pageInfo".equals(entry.getKey())) {
                    continue;
                }
                if (child instanceof Map<?, ?> childMap && childMap.containsKey("edges")) {
                    cost += 2;
                    for (Object edge : (List<?>) childMap.get("edges")) {
                        cost += 1 + actualCost(((Map<?, ?>) edge).get("node"));
                    }
                } else if (child instanceof Map<?, ?>) {
                    cost += 1 + actualCost(child);
                } else if (child instanceof List<?> list) {
                    for (Object item : list) {
                        cost += item instanceof Map<?, ?> ? 1 + actualCost(item) : 0;
                    }
                }
            }
        }
        return cost;
    }
}

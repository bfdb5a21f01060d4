package dev.salesbot.sync.shopify.graphql;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Optional;

/**
 * Shopify's {@code extensions.cost} of one answer: what the query asked for, what it really cost
 * (absent on a THROTTLED answer) and the bucket after it.
 */
public record QueryCost(int requested, Integer actual, double maximumAvailable, double currentlyAvailable,
                        double restoreRate) {

    static Optional<QueryCost> of(JsonObject answer) {
        JsonObject extensions = objectOrNull(answer, "extensions");
        JsonObject cost = objectOrNull(extensions, "cost");
        JsonObject status = objectOrNull(cost, "throttleStatus");
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(new QueryCost(
                (int) number(cost, "requestedQueryCost", 0),
                cost.get("actualQueryCost") instanceof JsonNumber n ? n.intValue() : null,
                number(status, "maximumAvailable", 0),
                number(status, "currentlyAvailable", 0),
                number(status, "restoreRate", 0)));
    }

    private static JsonObject objectOrNull(JsonObject parent, String key) {
        if (parent == null) {
            return null;
        }
        JsonValue value = parent.get(key);
        return value instanceof JsonObject o ? o : null;
    }

    private static double number(JsonObject parent, String key, double fallback) {
        return parent.get(key) instanceof JsonNumber n ? n.doubleValue() : fallback;
    }
}

package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.monitoring.control.Meters;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Counts what each Admin answer cost (its {@code actualQueryCost}) and whether Shopify throttled
 * it (a {@code THROTTLED} error or a 429), for the metrics; the answer itself passes untouched.
 */
final class MeteredTransport implements GraphqlTransport {

    private final GraphqlTransport transport;
    private final Meters meters;

    MeteredTransport(GraphqlTransport transport, Meters meters) {
        this.transport = transport;
        this.meters = meters;
    }

    @Override
    public JsonObject post(String query, JsonObject variables) {
        JsonObject answer;
        try {
            answer = transport.post(query, variables);
        } catch (ShopifyThrottledException e) {
            meters.shopifyRequest(0, true);
            throw e;
        }
        Integer actual = QueryCost.of(answer).map(QueryCost::actual).orElse(null);
        meters.shopifyRequest(actual == null ? 0 : actual, throttled(answer));
        return answer;
    }

    private static boolean throttled(JsonObject answer) {
        if (!(answer.get("errors") instanceof jakarta.json.JsonArray errors)) {
            return false;
        }
        for (JsonValue error : errors) {
            if (error instanceof JsonObject e && e.get("extensions") instanceof JsonObject ext
                    && "THROTTLED".equals(ext.getString("code", ""))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        transport.close();
    }
}

package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.GraphqlQuery;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a shop's webhook subscriptions what this app wants: every topic of
 * {@link WebhookTopic#subscribed()} at {@code SHOPIFY_WEBHOOK_ADDRESS}, in JSON. It reads
 * {@code webhookSubscriptions} (the Admin API lists only this app's), creates what is missing with
 * {@code webhookSubscriptionCreate(topic, webhookSubscription: {uri, format: JSON})} and deletes
 * subscriptions of topics no longer wanted or at another address. A reconnect or poll of a shop
 * whose subscriptions are complete creates nothing. Run at every full sync (connect and poll), so
 * subscriptions Shopify dropped come back.
 */
@ApplicationScoped
public class WebhookRegistrations {

    private static final System.Logger LOGGER = System.getLogger(WebhookRegistrations.class.getName());

    /** What a check found: the wanted topics subscribed at the address, and what could not be (topic → why). */
    public record State(Set<WebhookTopic> present, Map<WebhookTopic, String> failed, int created, int deleted) {

        public boolean complete() {
            return failed.isEmpty() && present.containsAll(WebhookTopic.subscribed());
        }

        /** Null when complete, else a sentence naming what is missing. */
        public String problem() {
            if (complete()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            failed.forEach((topic, why) -> parts.add(topic.header() + ": " + why));
            return "Not subscribed: " + String.join("; ", parts);
        }

        public String topics() {
            return String.join(",", present.stream().map(WebhookTopic::header).sorted().toList());
        }
    }

    @Inject
    ShopifyApp app;

    /** Brings the shop's subscriptions to what is wanted; a missing {@code SHOPIFY_WEBHOOK_ADDRESS} is a failed state, not an error. */
    public State ensure(ShopDomain shop, PacedGraphql graphql) {
        Optional<String> address = app.webhookAddress();
        if (address.isEmpty()) {
            Map<WebhookTopic, String> failed = new LinkedHashMap<>();
            WebhookTopic.subscribed().forEach(t -> failed.put(t, "SHOPIFY_WEBHOOK_ADDRESS is not set"));
            return new State(Set.of(), failed, 0, 0);
        }
        Set<WebhookTopic> present = EnumSet.noneOf(WebhookTopic.class);
        int deleted = 0;
        for (JsonObject subscription : existing(graphql)) {
            Optional<WebhookTopic> topic = WebhookTopic.fromName(subscription.getString("topic", ""));
            boolean wanted = topic.isPresent() && WebhookTopic.subscribed().contains(topic.get())
                    && address.get().equals(subscription.getString("uri", "")) && !present.contains(topic.get());
            if (wanted) {
                present.add(topic.get());
            } else {
                delete(graphql, subscription.getString("id"));
                deleted++;
            }
        }
        Map<WebhookTopic, String> failed = new LinkedHashMap<>();
        int created = 0;
        for (WebhookTopic topic : WebhookTopic.subscribed()) {
            if (present.contains(topic)) {
                continue;
            }
            Optional<String> refused = create(graphql, topic, address.get());
            if (refused.isEmpty()) {
                present.add(topic);
                created++;
                LOGGER.log(System.Logger.Level.INFO, "Webhook registered for {0}: {1}", shop, topic.header());
            } else {
                failed.put(topic, refused.get());
                LOGGER.log(System.Logger.Level.WARNING, "Webhook for {0} not registered for {1}: {2}", topic.header(), shop, refused.get());
            }
        }
        return new State(Set.copyOf(present), Map.copyOf(failed), created, deleted);
    }

    /**
     * Deletes every subscription of this app on the shop (the Admin API lists only the app's own):
     * a disconnected store sends nothing more. Answers how many were deleted.
     */
    public int removeAll(ShopDomain shop, PacedGraphql graphql) {
        int deleted = 0;
        for (JsonObject subscription : existing(graphql)) {
            delete(graphql, subscription.getString("id"));
            deleted++;
        }
        LOGGER.log(System.Logger.Level.INFO, "Removed {0} webhook subscription(s) of {1}", deleted, shop);
        return deleted;
    }

    private static List<JsonObject> existing(PacedGraphql graphql) {
        List<JsonObject> subscriptions = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 20; page++) {
            var variables = Jsonp.createObjectBuilder().add("first", WebhookQueries.WEBHOOKS_PAGE);
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject connection = graphql.data(WebhookQueries.WEBHOOKS, variables.build(), WebhookQueries.WEBHOOKS_COST)
                    .getJsonObject("webhookSubscriptions");
            connection.getJsonArray("edges").forEach(e -> subscriptions.add(e.asJsonObject().getJsonObject("node")));
            JsonObject pageInfo = connection.getJsonObject("pageInfo");
            if (!pageInfo.getBoolean("hasNextPage", false) || !(pageInfo.get("endCursor") instanceof JsonString cursor)) {
                break;
            }
            after = cursor.getString();
        }
        return subscriptions;
    }

    /** Empty when created, else Shopify's userErrors. */
    private static Optional<String> create(PacedGraphql graphql, WebhookTopic topic, String address) {
        JsonObject payload = graphql.data(WebhookQueries.WEBHOOK_CREATE, Jsonp.createObjectBuilder()
                .add("topic", topic.name()).add("uri", address).build(), GraphqlQuery.MUTATION_COST)
                .getJsonObject("webhookSubscriptionCreate");
        return userErrors(payload);
    }

    private static void delete(PacedGraphql graphql, String id) {
        JsonObject payload = graphql.data(WebhookQueries.WEBHOOK_DELETE, Jsonp.createObjectBuilder().add("id", id).build(),
                GraphqlQuery.MUTATION_COST).getJsonObject("webhookSubscriptionDelete");
        userErrors(payload).ifPresent(errors -> LOGGER.log(System.Logger.Level.WARNING,
                "Webhook subscription {0} not deleted: {1}", id, errors));
    }

    private static Optional<String> userErrors(JsonObject payload) {
        if (payload == null) {
            return Optional.of("Shopify answered without a result");
        }
        List<String> messages = new ArrayList<>();
        for (JsonValue error : payload.getJsonArray("userErrors")) {
            messages.add(error.asJsonObject().getString("message", "refused"));
        }
        return messages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", messages));
    }
}

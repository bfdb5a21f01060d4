package dev.salesbot.sandbox.shopify.admin;

import graphql.schema.DataFetchingEnvironment;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The mutations the sandbox serves: {@code productUpdate} (2026-10 {@code product:} input, or the
 * deprecated {@code input:}; it sends {@code products/update}) and
 * {@code webhookSubscriptionCreate}/{@code Delete}. A topic needs the scope its schema description
 * names ("Requires the `read_products` scope.").
 * Problems come back as {@code userErrors}, as on Shopify, never as GraphQL errors.
 */
final class AdminMutations {

    private final SandboxShop shop;
    private final Catalog catalog;
    private final WebhookSubscriptions webhooks;
    private final AdminSchema schema;
    private final InstantSource clock;
    private final Function<CatalogProduct, Map<String, Object>> productView;

    AdminMutations(SandboxShop shop, AdminSchema schema, InstantSource clock,
                   Function<CatalogProduct, Map<String, Object>> productView) {
        this.shop = shop;
        this.catalog = shop.catalog();
        this.webhooks = shop.webhooks();
        this.schema = schema;
        this.clock = clock;
        this.productView = productView;
    }

    Object productUpdate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("product") != null ? env.getArgument("product") : env.getArgument("input");
        Map<String, Object> identifier = env.getArgument("identifier");
        Object id = input != null && input.get("id") != null ? input.get("id")
                : identifier == null ? null : identifier.get("id");
        Optional<Long> productId = Ids.parse(id).filter(g -> g.type().equals("Product")).map(Ids.Gid::id);
        if (productId.isEmpty() || catalog.product(productId.get()).isEmpty()) {
            return payload("product", null, userError(List.of("id"), "Product does not exist"));
        }
        Map<String, Object> in = input == null ? Map.of() : input;
        if (in.containsKey("title") && (in.get("title") == null || String.valueOf(in.get("title")).isBlank())) {
            return payload("product", null, userError(List.of("title"), "Title can't be blank"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CatalogProduct updated = catalog.update(productId.get(), p -> {
            Instant when = now.isAfter(p.updatedAt()) ? now : p.updatedAt().plusSeconds(1);
            @SuppressWarnings("unchecked")
            List<String> tags = in.containsKey("tags") ? List.copyOf((List<String>) in.get("tags")) : p.tags();
            return p.edited(str(in, "title", p.title()), str(in, "handle", p.handle()),
                    str(in, "descriptionHtml", p.descriptionHtml()), str(in, "vendor", p.vendor()),
                    str(in, "productType", p.productType()), tags, str(in, "status", p.status()), when);
        }).orElseThrow();
        shop.emit("products/update", WebhookPayloads.product(updated));
        return payload("product", productView.apply(updated), List.of());
    }

    Object webhookSubscriptionCreate(DataFetchingEnvironment env) {
        String topic = env.getArgument("topic");
        Map<String, Object> input = env.getArgument("webhookSubscription");
        String uri = input.get("uri") instanceof String s ? s.trim() : null;
        List<String> field = List.of("webhookSubscription", "uri");
        if (uri == null || uri.isEmpty()) {
            return payload("webhookSubscription", null, userError(field, "Address can't be blank"));
        }
        if (!acceptedAddress(uri)) {
            return payload("webhookSubscription", null, userError(field, "Address is invalid"));
        }
        java.util.Set<String> granted = env.getGraphQlContext().getOrDefault(AccessInstrumentation.GRANTED, java.util.Set.of());
        java.util.Optional<String> needed = schema.topicScope(topic);
        if (needed.isPresent() && !granted.contains(needed.get())
                && !granted.contains(needed.get().replaceFirst("^read_", "write_"))) {
            // Shopify's words when a topic needs a scope the app lacks (seen in gnikyt/laravel-shopify#745).
            return payload("webhookSubscription", null, userError(List.of("topic"), "Invalid topic specified: "
                    + WebhookDeliveries.headerName(topic) + ". Does it exist? Is there a missing access scope?"));
        }
        if (webhooks.exists(topic, uri)) {
            return payload("webhookSubscription", null, userError(field, "Address for this topic has already been taken"));
        }
        @SuppressWarnings("unchecked")
        List<String> include = input.get("includeFields") instanceof List<?> l ? List.copyOf((List<String>) l) : List.of();
        String format = input.get("format") instanceof String f ? f : "JSON";
        WebhookSubscriptions.Subscription created = webhooks.add(topic, uri, format, include,
                (String) input.get("filter"), (String) input.get("name"), clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return payload("webhookSubscription", StoreViews.webhook(created), List.of());
    }

    Object webhookSubscriptionDelete(DataFetchingEnvironment env) {
        Optional<Long> id = Ids.parse(env.getArgument("id")).filter(g -> g.type().equals("WebhookSubscription"))
                .map(Ids.Gid::id);
        if (id.isEmpty() || !webhooks.remove(id.get())) {
            return payload("deletedWebhookSubscriptionId", null, userError(List.of("id"), "Webhook subscription does not exist"));
        }
        return payload("deletedWebhookSubscriptionId", Ids.gid("WebhookSubscription", id.get()), List.of());
    }

    /**
     * Shopify takes HTTPS endpoints, Google Pub/Sub and Amazon EventBridge addresses. The sandbox
     * also takes plain HTTP to a loopback host, so tests can receive deliveries locally.
     */
    static boolean acceptedAddress(String uri) {
        if (uri.startsWith("pubsub://") || uri.startsWith("arn:aws:events:")) {
            return true;
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            String host = parsed.getHost();
            if (host == null) {
                return false;
            }
            return scheme.equals("https")
                    || scheme.equals("http") && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String str(Map<String, Object> input, String key, String fallback) {
        return input.containsKey(key) && input.get(key) != null ? String.valueOf(input.get(key)) : fallback;
    }

    private static List<Map<String, Object>> userError(List<String> field, String message) {
        Map<String, Object> error = new HashMap<>();
        error.put("field", field);
        error.put("message", message);
        return List.of(error);
    }

    private static Map<String, Object> payload(String key, Object value, List<Map<String, Object>> userErrors) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, value);
        m.put("userErrors", userErrors);
        return m;
    }
}

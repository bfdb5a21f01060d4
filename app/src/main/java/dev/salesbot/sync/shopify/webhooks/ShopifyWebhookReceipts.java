package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.Hmac;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /shopify/webhook}, after its raw body was read: the signature is checked on those
 * bytes before anything is parsed — {@code X-Shopify-Hmac-Sha256}, base64 HMAC-SHA256 under
 * {@code SHOPIFY_API_SECRET}, or under {@code SHOPIFY_API_SECRET_PREVIOUS} while the secret is
 * rotated (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook) —
 * then the shop header (anchored pattern) and the webhook id, then the JSON. What is accepted is
 * recorded durably, with the deliveries arriving at the same time, by {@link ShopifyIntake}, and
 * answered once recorded (503 with {@code Retry-After} otherwise); no Admin API call and no storage I/O
 * happen here.
 */
@ApplicationScoped
public class ShopifyWebhookReceipts {

    /** A delivery as it arrived: the signed bytes and Shopify's headers ({@code triggeredAt} may be null). */
    public record Incoming(byte[] body, String hmac, String topic, String shopDomain, String webhookId, String triggeredAt) {
    }

    /** The body of this server's own test delivery ({@link WebhookCheck}). */
    static final String TEST_MARKER = "salesbot_webhook_test";
    private static final Pattern WEBHOOK_ID = Pattern.compile("^[A-Za-z0-9-]{1,100}$");
    private static final System.Logger LOGGER = System.getLogger(ShopifyWebhookReceipts.class.getName());

    @Inject
    ShopifyApp app;

    @Inject
    ShopifyIntake intake;

    public Receipt receive(Incoming in) {
        if (!signed(in.body(), in.hmac())) {
            throw Refusal.unauthenticated("invalid-signature",
                    "X-Shopify-Hmac-Sha256 is missing or does not match the body; the delivery was not sent by Shopify for this app.");
        }
        if (in.shopDomain() == null) {
            throw Refusal.badInput("missing-header", "X-Shopify-Shop-Domain is missing.");
        }
        ShopDomain shop = new ShopDomain(in.shopDomain());
        if (in.webhookId() == null || !WEBHOOK_ID.matcher(in.webhookId()).matches()) {
            throw Refusal.badInput("missing-header", "X-Shopify-Webhook-Id is missing or not a webhook id.");
        }
        Instant triggeredAt = triggeredAt(in.triggeredAt());
        JsonObject body = parse(in.body(), shop, in.topic());
        if (body.containsKey(TEST_MARKER)) {
            LOGGER.log(System.Logger.Level.INFO, "Received the webhook test delivery for {0}", shop);
            return Receipt.TEST;
        }
        Optional<WebhookTopic> topic = WebhookTopic.fromHeader(in.topic() == null ? "" : in.topic());
        if (topic.isEmpty()) {
            LOGGER.log(System.Logger.Level.INFO, "Ignored a {0} webhook from {1}: not a topic this app listens to",
                    printable(in.topic()), shop);
            return Receipt.IGNORED;
        }
        topic.get().shopField().ifPresent(field -> sameShop(body, field, shop, topic.get()));
        return intake.record(new WebhookRecorder.Accepted(shop, topic.get(), in.webhookId(), triggeredAt, body));
    }

    private boolean signed(byte[] body, String hmac) {
        return Hmac.matchesBase64(app.apiSecret(), body, hmac)
                || app.apiSecretPrevious().map(previous -> Hmac.matchesBase64(previous, body, hmac)).orElse(false);
    }

    /**
     * {@code X-Shopify-Triggered-At}, when the event happened on Shopify's side (ISO 8601, e.g.
     * {@code 2026-12-07T05:00:00.123456789Z}; https://shopify.dev/docs/apps/build/webhooks — deliveries
     * are not ordered, and a retry keeps its original time). Null when absent: the delivery is then
     * taken as current.
     */
    private static Instant triggeredAt(String header) {
        if (header == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(header.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.badInput("invalid-header", "X-Shopify-Triggered-At is not an ISO 8601 time with an offset.");
        }
    }

    /** A lifecycle or privacy body names its shop: it must be the shop of the header, or nothing is done. */
    private static void sameShop(JsonObject body, String field, ShopDomain shop, WebhookTopic topic) {
        JsonValue named = body.get(field);
        if (named instanceof JsonString s && s.getString().equalsIgnoreCase(shop.value())) {
            return;
        }
        LOGGER.log(System.Logger.Level.WARNING, "A signed {0} webhook for {1} names another shop (or none) in {2}; refused, nothing recorded",
                topic.header(), shop, field);
        throw Refusal.badInput("shop-mismatch", "The body's " + field + " must name the shop of X-Shopify-Shop-Domain.");
    }

    private static JsonObject parse(byte[] body, ShopDomain shop, String topic) {
        try (JsonReader reader = Jsonp.createReader(body)) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            // answered below
        }
        LOGGER.log(System.Logger.Level.WARNING, "A signed {0} webhook from {1} is not a JSON object; refused, nothing recorded",
                printable(topic), shop);
        throw Refusal.badInput("invalid-json", "The webhook body is not a JSON object.");
    }

    private static String printable(String s) {
        return s == null ? "(no topic)" : s.replaceAll("[^A-Za-z0-9_/-]", "?");
    }
}

package dev.salesbot.sandbox.shopify.admin;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Delivers a store's webhooks to the addresses subscribed, as Shopify does:
 * <ul>
 * <li>a POST of the topic's JSON body with {@code X-Shopify-Topic}, {@code X-Shopify-Hmac-Sha256}
 * (base64 HMAC-SHA256 of the raw body under the app's client secret), {@code X-Shopify-Shop-Domain},
 * {@code X-Shopify-API-Version}, {@code X-Shopify-Webhook-Id}, {@code X-Shopify-Event-Id} and
 * {@code X-Shopify-Triggered-At} (https://shopify.dev/docs/apps/build/webhooks/subscribe/https);</li>
 * <li>1 s to connect and 5 s to answer, and anything but a 2xx is a failure
 * (https://shopify.dev/docs/apps/build/webhooks/troubleshooting-webhooks);</li>
 * <li>a failed delivery is retried 8 times with exponential backoff, with the original payload, to
 * the address it was triggered for (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism;
 * Shopify spreads the 8 retries over 4 hours, the sandbox over {@code SANDBOX_SHOPIFY_WEBHOOK_RETRY_MILLIS}
 * × 255); after those 8 consecutive failures the subscription is deleted, as Shopify deletes
 * subscriptions created through the Admin API.</li>
 * </ul>
 * A knob ({@link DeliveryLog#duplicate(boolean)}) sends every webhook twice with the same webhook
 * id, as Shopify can.
 * <p>
 * The three compliance topics ({@code customers/data_request}, {@code customers/redact},
 * {@code shop/redact}) cannot be subscribed through the Admin API (they are not in
 * {@code WebhookSubscriptionTopic}): an app declares them in its configuration, {@code shopify.app.toml}'s
 * {@code compliance_topics} (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance).
 * The sandbox's app configuration is {@code SANDBOX_SHOPIFY_COMPLIANCE_ADDRESS}; without it, a
 * compliance request cannot be delivered and the control that asks for one is refused.
 */
@ApplicationScoped
public class WebhookDeliveries {

    static final int RETRIES = 8;
    private static final System.Logger LOGGER = System.getLogger(WebhookDeliveries.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_API_SECRET", defaultValue = "sandbox-shopify-secret-not-for-production")
    String apiSecret;

    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_WEBHOOK_RETRY_MILLIS", defaultValue = "500")
    long retryMillis;

    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_COMPLIANCE_ADDRESS")
    Optional<String> complianceAddress;

    static final Set<String> COMPLIANCE_TOPICS = Set.of("customers/data_request", "customers/redact", "shop/redact");

    /** HTTP/1.1: deliveries go to an HTTPS address on Shopify, never through a cleartext HTTP/2 upgrade. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private record Delivery(SandboxShop shop, WebhookSubscriptions.Subscription subscription, String topic, byte[] body,
                            String webhookId, String eventId, Instant triggeredAt) {
    }

    /** Sends {@code payload} for {@code topic} ({@code products/update}) to every subscription of the store for it. */
    void deliver(SandboxShop shop, String topic, Map<String, Object> payload) {
        byte[] body = JsonValues.write(payload).getBytes(StandardCharsets.UTF_8);
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        List<WebhookSubscriptions.Subscription> targets = COMPLIANCE_TOPICS.contains(topic)
                ? List.of(new WebhookSubscriptions.Subscription(0, enumName(topic), complianceAddress(), "JSON", List.of(), null, null, now))
                : shop.webhooks().all();
        for (WebhookSubscriptions.Subscription subscription : targets) {
            if (subscription.topic().equals(enumName(topic))) {
                Delivery delivery = new Delivery(shop, subscription, topic, body, UUID.randomUUID().toString(), eventId, now);
                schedule(delivery, 0, Duration.ZERO);
                if (shop.deliveries().duplicate()) {
                    schedule(delivery, 0, Duration.ofMillis(50));
                }
            }
        }
    }

    /** Where the app's configuration sends compliance topics; refused when the app declares none. */
    String complianceAddress() {
        return complianceAddress.map(String::trim).filter(a -> !a.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "The sandbox app declares no compliance_topics address: set SANDBOX_SHOPIFY_COMPLIANCE_ADDRESS "
                        + "(shopify.app.toml's [[webhooks.subscriptions]] compliance_topics uri)."));
    }

    /** {@code products/update} → {@code PRODUCTS_UPDATE}, the subscription's topic. */
    static String enumName(String topic) {
        return topic.toUpperCase(Locale.ROOT).replace('/', '_');
    }

    /** {@code INVENTORY_LEVELS_UPDATE} → {@code inventory_levels/update}: the resource is all but the last word, except for the compound actions. */
    static String headerName(String topic) {
        String lower = topic.toLowerCase(Locale.ROOT);
        for (String action : new String[]{"redeemcode_added", "redeemcode_removed", "data_request"}) {
            if (lower.endsWith("_" + action)) {
                return lower.substring(0, lower.length() - action.length() - 1) + "/" + action;
            }
        }
        int last = lower.lastIndexOf('_');
        return last < 0 ? lower : lower.substring(0, last) + "/" + lower.substring(last + 1);
    }

    private void schedule(Delivery delivery, int retry, Duration delay) {
        scheduler.schedule(() -> attempt(delivery, retry), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(Delivery d, int retry) {
        int status = send(d);
        d.shop().deliveries().attempted(d.webhookId(), d.topic(), status, retry);
        if (status >= 200 && status < 300) {
            return;
        }
        if (retry < RETRIES) {
            schedule(d, retry + 1, Duration.ofMillis(retryMillis << retry));
            return;
        }
        if (d.shop().webhooks().remove(d.subscription().id())) {
            d.shop().deliveries().subscriptionRemoved();
            LOGGER.log(System.Logger.Level.WARNING, "Sandbox Shopify removed the {0} subscription of {1} to {2} after {3} "
                    + "consecutive failed deliveries", d.topic(), d.shop().name(), d.subscription().uri(), RETRIES + 1);
        }
    }

    private int send(Delivery d) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.subscription().uri()))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Topic", d.topic())
                    .header("X-Shopify-Hmac-Sha256", sign(d.body()))
                    .header("X-Shopify-Shop-Domain", d.shop().name())
                    .header("X-Shopify-API-Version", AdminSchema.API_VERSION)
                    .header("X-Shopify-Webhook-Id", d.webhookId())
                    .header("X-Shopify-Event-Id", d.eventId())
                    .header("X-Shopify-Triggered-At", d.triggeredAt().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Sandbox webhook {0} to {1} failed: {2}", d.topic(), d.subscription().uri(), e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.security.control.Hmac;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.webhooks.control.TestDelivery.Result;
import dev.salesbot.sync.webhooks.control.TestDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The callback answer's {@code webhook_test}: success when every wanted topic is subscribed at
 * {@code SHOPIFY_WEBHOOK_ADDRESS} (as the store's last full sync found) and a delivery signed as
 * Shopify signs them, sent to that address, was recognised as this server's test
 * ({@link TestDelivery}); pending while the first sync has not checked the subscriptions;
 * otherwise failed, saying what and why.
 *
 * <p>The result pages follow the check after the answer ({@link #current}): they read it every
 * 1.5 s, so the test delivery is sent once per subscription check (per server), not per read.
 */
@ApplicationScoped
public class WebhookCheck {

    private static final System.Logger LOGGER = System.getLogger(WebhookCheck.class.getName());

    private static final int REMEMBERED = 1024;

    /** A test delivery's result and the subscription check (its time) it tested. */
    private record Delivered(OffsetDateTime checkedAt, Result result) {
    }

    /** The last delivery per store, for {@link #current}: at most {@value #REMEMBERED} stores, the least recently read dropped. */
    private final Map<String, Delivered> delivered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Delivered> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Inject
    ShopifyApp app;

    @Inject
    StoreConnections connections;

    /** The connect answer's check: a test delivery now, whenever the subscriptions were checked. */
    public Result run(ShopDomain shop) {
        return log(shop, check(shop, true));
    }

    /**
     * The check as it stands, for a page that follows it: the same statuses and messages as
     * {@link #run}, but a delivery already sent for the store's latest subscription check is not
     * sent again; the next full sync's check is tested anew.
     */
    public Result current(ShopDomain shop) {
        return check(shop, false);
    }

    private Result check(ShopDomain shop, boolean fresh) {
        Optional<String> address = app.webhookAddress();
        if (address.isEmpty()) {
            return Result.failed("SHOPIFY_WEBHOOK_ADDRESS is not set, so no webhook is registered.");
        }
        Optional<ShopifyConnection> connection = connections.findShop(shop.value());
        if (connection.isEmpty() || connection.get().webhooksCheckedAt() == null) {
            return new Result("pending", "The webhook subscriptions are registered by the first sync, which is still running.");
        }
        if (connection.get().webhookProblem() != null) {
            return Result.failed(connection.get().webhookProblem());
        }
        OffsetDateTime checkedAt = connection.get().webhooksCheckedAt();
        Delivered known = delivered.get(shop.value());
        if (!fresh && known != null && known.checkedAt().isEqual(checkedAt)) {
            return known.result();
        }
        Result result = deliver(shop, address.get());
        delivered.put(shop.value(), new Delivered(checkedAt, result));
        return fresh ? result : log(shop, result);
    }

    /** Sends the signed test delivery to {@code address} (overridden by unit tests, which send nothing). */
    Result deliver(ShopDomain shop, String address) {
        byte[] body = Jsonp.createObjectBuilder().add(ShopifyWebhookReceipts.TEST_MARKER, true).add("shop", shop.value())
                .build().toString().getBytes(StandardCharsets.UTF_8);
        return TestDelivery.send(address, body, Map.of(
                "X-Shopify-Topic", "shop/update",
                "X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(Hmac.sha256(app.apiSecret(), body)),
                "X-Shopify-Shop-Domain", shop.value(),
                "X-Shopify-Webhook-Id", "salesbot-test-" + UUID.randomUUID()));
    }

    private static Result log(ShopDomain shop, Result result) {
        LOGGER.log(System.Logger.Level.INFO, "Webhook test result for {0}: {1}", shop, result.seedForm());
        return result;
    }
}

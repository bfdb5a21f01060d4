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
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The callback answer's {@code webhook_test}: success when every wanted topic is subscribed at
 * {@code SHOPIFY_WEBHOOK_ADDRESS} (as the store's last full sync found) and a delivery signed as
 * Shopify signs them, sent to that address, was recognised as this server's test
 * ({@link TestDelivery}); pending while the first sync has not checked the subscriptions;
 * otherwise failed, saying what and why.
 */
@ApplicationScoped
public class WebhookCheck {

    private static final System.Logger LOGGER = System.getLogger(WebhookCheck.class.getName());

    @Inject
    ShopifyApp app;

    @Inject
    StoreConnections connections;

    public Result run(ShopDomain shop) {
        Optional<String> address = app.webhookAddress();
        if (address.isEmpty()) {
            return log(shop, Result.failed("SHOPIFY_WEBHOOK_ADDRESS is not set, so no webhook is registered."));
        }
        Optional<ShopifyConnection> connection = connections.findShop(shop.value());
        if (connection.isEmpty() || connection.get().webhooksCheckedAt() == null) {
            return log(shop, new Result("pending", "The webhook subscriptions are registered by the first sync, which is still running."));
        }
        if (connection.get().webhookProblem() != null) {
            return log(shop, Result.failed(connection.get().webhookProblem()));
        }
        return log(shop, deliver(shop, address.get()));
    }

    private Result deliver(ShopDomain shop, String address) {
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

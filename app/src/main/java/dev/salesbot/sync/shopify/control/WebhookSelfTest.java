package dev.salesbot.sync.shopify.control;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.merchants.control.Connections;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.security.control.Hmac;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The callback answer's {@code webhook_test}, with the tutorial's meaning: success when every
 * wanted topic is subscribed at {@code SHOPIFY_WEBHOOK_ADDRESS} (as the store's last full sync
 * found) and a delivery signed as Shopify signs them, sent to that address, was answered 200 as a
 * recognised test (it starts no sync); otherwise failed, saying what and why. It takes at most a
 * few seconds (1 s to connect, 3 s in all).
 */
@ApplicationScoped
public class WebhookSelfTest {

    /** {@code status} success, failed or pending (registration not checked yet); {@code message} unless success. */
    public record Result(String status, String message) {
    }

    private static final System.Logger LOGGER = System.getLogger(WebhookSelfTest.class.getName());

    @Inject
    ShopifyApp app;

    @Inject
    Connections connections;

    /** HTTP/1.1, as a webhook sender speaks: never a cleartext HTTP/2 upgrade (see README, Limits). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Result run(ShopDomain shop) {
        Optional<String> address = app.webhookAddress();
        if (address.isEmpty()) {
            return log(shop, new Result("failed", "SHOPIFY_WEBHOOK_ADDRESS is not set, so no webhook is registered."));
        }
        Optional<ShopifyConnection> connection = connections.findShop(shop.value());
        if (connection.isEmpty() || connection.get().webhooksCheckedAt() == null) {
            return log(shop, new Result("pending", "The webhook subscriptions are registered by the first sync, which is still running."));
        }
        if (connection.get().webhookProblem() != null) {
            return log(shop, new Result("failed", connection.get().webhookProblem()));
        }
        return log(shop, deliver(shop, address.get()));
    }

    private Result deliver(ShopDomain shop, String address) {
        byte[] body = Jsonp.createObjectBuilder().add(ShopifyWebhookReceipts.TEST_MARKER, true).add("shop", shop.value())
                .build().toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(address))
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Topic", "shop/update")
                    .header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(Hmac.sha256(app.apiSecret(), body)))
                    .header("X-Shopify-Shop-Domain", shop.value())
                    .header("X-Shopify-Webhook-Id", "salesbot-test-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().contains("\"test\"")) {
                return new Result("success", null);
            }
            return new Result("failed", "The test delivery to " + address + " was answered HTTP " + answer.statusCode()
                    + (answer.statusCode() == 200 ? " but not recognised as this server's" : "") + ".");
        } catch (IOException | IllegalArgumentException e) {
            return new Result("failed", "The test delivery to " + address + " got no answer (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result("failed", "Interrupted while testing the webhook address.");
        }
    }

    private static Result log(ShopDomain shop, Result result) {
        LOGGER.log(System.Logger.Level.INFO, "Webhook test result for {0}: {1}", shop,
                result.message() == null ? "{'status': '" + result.status() + "'}"
                        : "{'status': '" + result.status() + "', 'message': '" + result.message() + "'}");
        return result;
    }
}

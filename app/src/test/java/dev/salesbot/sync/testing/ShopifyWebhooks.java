package dev.salesbot.sync.testing;

import dev.salesbot.sync.security.control.Hmac;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook deliveries to {@code POST /shopify/webhook} as a test crafts them (signed as Shopify signs,
 * or forged), and the sandbox Shopify's side of webhooks: its subscriptions, its deliveries and the
 * merchant's actions that trigger them.
 */
public final class ShopifyWebhooks {

    private ShopifyWebhooks() {
    }

    /** One delivery's parts; {@code hmac} null sends no signature header, {@code triggeredAt} null no X-Shopify-Triggered-At. */
    public record Delivery(String topic, String shop, String webhookId, byte[] body, String hmac, String triggeredAt) {

        public Delivery(String topic, String shop, String webhookId, byte[] body, String hmac) {
            this(topic, shop, webhookId, body, hmac, null);
        }

        public static Delivery signed(String topic, String shop, String json) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            return new Delivery(topic, shop, UUID.randomUUID().toString(), body, sign(SandboxShopify.appSecret(), body));
        }

        public Delivery withHmac(String value) {
            return new Delivery(topic, shop, webhookId, body, value, triggeredAt);
        }

        public Delivery withShop(String value) {
            return new Delivery(topic, value, webhookId, body, hmac, triggeredAt);
        }

        public Delivery withWebhookId(String value) {
            return new Delivery(topic, shop, value, body, hmac, triggeredAt);
        }

        public Delivery triggeredAt(String value) {
            return new Delivery(topic, shop, webhookId, body, hmac, value);
        }
    }

    public static String sign(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(secret, body));
    }

    public static HttpResponse<String> send(Delivery d) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Browser.resolve("shopify/webhook"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Shopify-Topic", d.topic())
                .header("X-Shopify-API-Version", "2026-10")
                .header("X-Shopify-Webhook-Id", d.webhookId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
        if (d.shop() != null) {
            request.header("X-Shopify-Shop-Domain", d.shop());
        }
        if (d.hmac() != null) {
            request.header("X-Shopify-Hmac-Sha256", d.hmac());
        }
        if (d.triggeredAt() != null) {
            request.header("X-Shopify-Triggered-At", d.triggeredAt());
        }
        return new Browser().send(request);
    }

    /** A {@code products/update} body naming {@code productGid}, as Shopify sends it (REST-shaped, numeric id). */
    public static String productUpdate(String productGid, String title) {
        long id = Long.parseLong(productGid.substring(productGid.lastIndexOf('/') + 1));
        return Json.createObjectBuilder().add("id", id).add("admin_graphql_api_id", productGid).add("title", title)
                .add("updated_at", "2026-12-01T10:00:00Z").build().toString();
    }

    /** The store's subscriptions as the sandbox holds them. */
    public static JsonArray subscriptions(String shop) {
        return Json.createReader(new StringReader(control("GET", "sandbox/shopify/_control/shops/" + shop + "/webhooks", null))).readArray();
    }

    /** Removes the store's subscriptions to {@code topic} (all when null) without a word, as Shopify does after failures. */
    public static void dropSubscriptions(String shop, String topic) {
        control("DELETE", "sandbox/shopify/_control/merchant/" + shop + "/webhooks" + (topic == null ? "" : "?topic=" + topic), null);
    }

    /** Every webhook of the store from now on is sent twice with the same webhook id. */
    public static void duplicateDeliveries(String shop, boolean on) {
        control("PUT", "sandbox/shopify/_control/merchant/" + shop + "/deliveries", "{\"duplicate\":" + on + "}");
    }

    /** What the sandbox delivered for the store: attempts, failures, delivered by topic, recent attempts. */
    public static JsonObject deliveries(String shop) {
        return Json.createReader(new StringReader(control("GET", "sandbox/shopify/_control/merchant/" + shop + "/deliveries", null))).readObject();
    }

    public static void resetDeliveries(String shop) {
        control("POST", "sandbox/shopify/_control/merchant/" + shop + "/deliveries/reset", null);
    }

    /** The merchant edits a product in the Shopify admin; {@code webhook} false makes the change silently. */
    public static void editProduct(String shop, String productGid, String title, String price, boolean webhook) {
        editProduct(ItSettings.baseUri(), shop, productGid, title, price, webhook);
    }

    /** {@link #editProduct(String, String, String, String, boolean)} on the sandbox of the server at {@code base}. */
    public static void editProduct(java.net.URI base, String shop, String productGid, String title, String price, boolean webhook) {
        var body = Json.createObjectBuilder().add("webhook", webhook);
        if (title != null) {
            body.add("title", title);
        }
        if (price != null) {
            body.add("price", price);
        }
        control(base, "POST", "sandbox/shopify/_control/merchant/" + shop + "/products/" + number(productGid) + "/edit", body.build().toString());
    }

    /** The product is deleted without its {@code products/delete} webhook (as while the subscriptions are missing). */
    public static void deleteProductSilently(String shop, String productGid) {
        control("POST", "sandbox/shopify/_control/merchant/" + shop + "/products/" + number(productGid) + "/delete?webhook=false", null);
    }

    public static void deleteProduct(String shop, String productGid) {
        control("POST", "sandbox/shopify/_control/merchant/" + shop + "/products/" + number(productGid) + "/delete", null);
    }

    /** Sets a variant's stock: Shopify sends {@code inventory_levels/update} naming its inventory item. */
    public static void stock(String shop, String variantGid, int quantity) {
        control("POST", "sandbox/shopify/_control/merchant/" + shop + "/variants/" + number(variantGid) + "/stock",
                "{\"quantity\":" + quantity + ",\"webhook\":true}");
    }

    /** Re-prices the store's first {@code count} products, one {@code products/update} each. */
    public static int bulkReprice(String shop, int count) {
        String answer = control("POST", "sandbox/shopify/_control/merchant/" + shop + "/products/bulk-reprice",
                "{\"count\":" + count + ",\"webhook\":true}");
        return Json.createReader(new StringReader(answer)).readObject().getInt("repriced");
    }

    /** The merchant uninstalls the app: Shopify sends {@code app/uninstalled} and revokes the tokens. */
    public static void uninstall(String shop) {
        control("POST", "sandbox/shopify/_control/merchant/" + shop + "/uninstall", null);
    }

    /** {@code shop-redact}, {@code customers-redact} or {@code customers-data-request}. */
    public static void privacyRequest(String shop, String request) {
        control("POST", "sandbox/shopify/_control/merchant/" + shop + "/privacy/" + request, null);
    }

    private static String number(String gid) {
        return gid.substring(gid.lastIndexOf('/') + 1);
    }

    private static String control(String method, String path, String json) {
        return control(ItSettings.baseUri(), method, path, json);
    }

    private static String control(java.net.URI base, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Browser.resolve(base, path)).header("Accept", "application/json");
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = new Browser(base).send(request);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 204);
        return response.body();
    }
}

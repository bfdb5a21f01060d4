package dev.salesbot.sync.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated Shopify Admin API from a test's side: store size, stats, and catalog edits. */
public final class SandboxAdmin {

    private SandboxAdmin() {
    }

    /** Re-seeds {@code shop} with {@code products} products and the given bucket. */
    public static void seed(String shop, int products, int bucketSize, int restoreRate) {
        call("PUT", "sandbox/shopify/_control/shops/" + shop,
                "{\"products\":" + products + ",\"bucketSize\":" + bucketSize + ",\"restoreRate\":" + restoreRate + "}");
    }

    /** Every Admin API call of {@code shop} takes {@code millis} longer (0 to stop). */
    public static void latency(String shop, int millis) {
        HttpResponse<String> response = new Browser().send(HttpRequest.newBuilder(Browser.resolve("sandbox/shopify/_control/shops/" + shop + "/latency"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"millis\":" + millis + "}")));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    /** The webhook subscriptions {@code shop} holds (the sandbox's list). */
    public static jakarta.json.JsonArray webhooks(String shop) {
        HttpResponse<String> response = new Browser().get("sandbox/shopify/_control/shops/" + shop + "/webhooks", Browser.JSON);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    /** The store's bulk-operation knobs ({@code PUT …/bulk}); answers them with {@code runQueries}, the operations created so far. */
    public static JsonObject bulk(String shop, String json) {
        return call("PUT", "sandbox/shopify/_control/shops/" + shop + "/bulk", json);
    }

    /** The app's switches ({@code PUT /sandbox/shopify/_control/app}), e.g. {@code {"bulkQueries": false}}. */
    public static JsonObject app(String json) {
        return call("PUT", "sandbox/shopify/_control/app", json);
    }

    public static JsonObject stats(String shop) {
        return call("GET", "sandbox/shopify/_control/shops/" + shop + "/stats", null);
    }

    /** Renames a product the way a merchant would, in the (simulated) Shopify admin. */
    public static void renameProduct(String shop, String productGid, String title) {
        JsonObject edited = call("POST", "sandbox/shopify/_control/merchant/" + shop + "/products/" + productGid.substring(productGid.lastIndexOf('/') + 1) + "/edit",
                Json.createObjectBuilder().add("title", title).build().toString());
        assertThat(edited.getString("title")).isEqualTo(title);
    }

    private static JsonObject call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Browser.resolve(path)).header("Accept", "application/json");
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = new Browser().send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}

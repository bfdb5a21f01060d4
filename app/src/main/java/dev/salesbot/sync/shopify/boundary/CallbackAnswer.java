package dev.salesbot.sync.shopify.boundary;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.shopify.connect.ShopifyConnect;
import dev.salesbot.sync.webhooks.control.TestDelivery;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The callback's JSON, shaped as the tutorial's: {@code user_uuid}, {@code token_data} (the scope
 * only: a token never leaves the server), {@code shopify_data} (the stored document, when the
 * first sync finished within the wait), {@code webhook_test}, {@code polling_test} (a live read with
 * the new token), {@code upload_status}, and
 * {@code snapshot} (counts and the storage key).
 */
final class CallbackAnswer {

    private CallbackAnswer() {
    }

    static JsonObject webhookTest(TestDelivery.Result test) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder().add("status", test.status());
        if (test.message() != null) {
            json.add("message", test.message());
        }
        return json.build();
    }

    static JsonObject json(ShopifyConnect.Connected connected) {
        SyncResult result = connected.upload().result();
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("user_uuid", connected.merchant().toString())
                .add("shop", connected.shop().value())
                .add("token_data", Jsonp.createObjectBuilder().add("scope", connected.scope()))
                .add("shopify_data", result == null || result.document() == null ? JsonValue.NULL : result.document())
                .add("webhook_test", webhookTest(connected.webhookTest()))
                .add("polling_test", connected.pollingTest().toJson())
                .add("upload_status", connected.upload().toJson());
        if (result != null) {
            json.add("snapshot", result.summary());
        }
        return json.build();
    }
}

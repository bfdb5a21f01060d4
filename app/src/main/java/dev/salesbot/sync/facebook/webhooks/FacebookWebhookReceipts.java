package dev.salesbot.sync.facebook.webhooks;

import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.graph.PageIds;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.Hmac;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /facebook/webhook}, after its raw body was read: {@code X-Hub-Signature-256:
 * sha256=<hex>} must be the HMAC-SHA256 of those bytes keyed with {@code FACEBOOK_APP_SECRET}
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started/#event-notifications),
 * checked in constant time before anything is parsed; then the JSON ({@code object}, {@code entry}),
 * and every entry's id as digits only before any of them is recorded. Page entries are recorded by
 * {@link FacebookWebhookRecorder}; no Graph call and no storage I/O happen here.
 */
@ApplicationScoped
public class FacebookWebhookReceipts {

    /** The body of this server's own test delivery ({@link FacebookWebhookCheck}). */
    static final String TEST_MARKER = "salesbot_webhook_test";
    private static final System.Logger LOGGER = System.getLogger(FacebookWebhookReceipts.class.getName());

    @Inject
    FacebookApp app;

    @Inject
    FacebookIntake intake;

    public Receipt receive(byte[] body, String signature) {
        if (!signed(body, signature)) {
            throw Refusal.unauthenticated("invalid-signature",
                    "X-Hub-Signature-256 is missing or does not match the body; the delivery was not sent by Meta for this app.");
        }
        JsonObject json = parse(body);
        if (json.containsKey(TEST_MARKER)) {
            LOGGER.log(System.Logger.Level.INFO, "Received the Facebook webhook test delivery");
            return Receipt.TEST;
        }
        String object = json.get("object") instanceof JsonString s ? s.getString() : "";
        if (!object.equals("page")) {
            LOGGER.log(System.Logger.Level.INFO, "Ignored a Facebook webhook for object {0}: this app listens to Pages only",
                    object.replaceAll("[^A-Za-z_]", "?"));
            return Receipt.IGNORED;
        }
        if (!(json.get("entry") instanceof JsonArray entries)) {
            throw Refusal.badInput("invalid-webhook", "A Page webhook must carry an entry array.");
        }
        List<JsonObject> checked = new ArrayList<>();
        for (JsonValue value : entries) {
            if (!(value instanceof JsonObject entry) || !(entry.get("id") instanceof JsonString id) || !PageIds.valid(id.getString())) {
                throw Refusal.badInput("invalid-page-id", "Every entry of a Page webhook must have a Page id of digits only; nothing was recorded.");
            }
            checked.add(entry);
        }
        return intake.record(checked);
    }

    private boolean signed(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        return Hmac.matchesHex(app.appSecret(), body, header.substring("sha256=".length()).trim());
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = Jsonp.createReader(body)) {
            if (reader.readValue() instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            // answered below
        }
        LOGGER.log(System.Logger.Level.WARNING, "A signed Facebook webhook is not a JSON object; refused, nothing recorded");
        throw Refusal.badInput("invalid-json", "The webhook body is not a JSON object.");
    }
}

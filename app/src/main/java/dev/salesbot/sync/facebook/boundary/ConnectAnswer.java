package dev.salesbot.sync.facebook.boundary;

import dev.salesbot.sync.facebook.connect.ConnectReport;
import dev.salesbot.sync.facebook.connect.ManagedPages;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.queue.control.SyncOutcome;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The callback's JSON, in the tutorial's shape (seed 003): {@code user_uuid}, {@code pages.data}
 * (id, name, category — never a token), {@code polling_test} and {@code upload_status} per Page;
 * {@code webhook_test} ({@code {"status": "success"}} or failed with a message); plus what the
 * tutorial lacked: {@code refused_pages}, {@code webhook_subscriptions} and
 * {@code page_connections} with each Page's status (active or needs_reconnect).
 */
final class ConnectAnswer {

    private ConnectAnswer() {
    }

    static JsonObject json(ConnectReport report) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        report.listed().forEach(p -> data.add(nullSafe(Jsonp.createObjectBuilder()
                .add("id", p.id()), "name", p.name()).add("category", p.category() == null ? "" : p.category())));
        JsonArrayBuilder refused = Jsonp.createArrayBuilder();
        for (ManagedPages.Refused r : report.refused()) {
            refused.add(nullSafe(nullSafe(Jsonp.createObjectBuilder(), "id", r.id()), "name", r.name()).add("reason", r.reason()));
        }
        JsonArrayBuilder subscriptions = Jsonp.createArrayBuilder();
        JsonArrayBuilder polling = Jsonp.createArrayBuilder();
        JsonArrayBuilder uploads = Jsonp.createArrayBuilder();
        JsonArrayBuilder connections = Jsonp.createArrayBuilder();
        for (ConnectReport.PageResult page : report.results()) {
            if (page.subscription() != null) {
                subscriptions.add(perPage(page.pageId(), subscription(page.subscription())));
            }
            polling.add(perPage(page.pageId(), polling(page.sync())));
            uploads.add(perPage(page.pageId(), page.sync().toJson()));
            JsonObjectBuilder connection = nullSafe(Jsonp.createObjectBuilder().add("page_id", page.pageId()), "name", page.name())
                    .add("status", page.needsReconnect() ? "needs_reconnect" : "active");
            connections.add(nullSafe(connection, "message", page.reconnectReason()));
        }
        return Jsonp.createObjectBuilder()
                .add("user_uuid", report.merchant().toString())
                .add("pages", Jsonp.createObjectBuilder().add("data", data))
                .add("refused_pages", refused)
                .add("webhook_subscriptions", subscriptions)
                .add("webhook_test", nullSafe(Jsonp.createObjectBuilder().add("status", report.webhookTest().status()),
                        "message", report.webhookTest().message()))
                .add("polling_test", polling)
                .add("upload_status", uploads)
                .add("page_connections", connections)
                .build();
    }

    /** The Graph read is what polling tests: it worked exactly when the sync got as far as storage. */
    static JsonObject polling(SyncOutcome outcome) {
        if (outcome.result() != null) {
            return Jsonp.createObjectBuilder().add("status", "success").build();
        }
        JsonObjectBuilder result = Jsonp.createObjectBuilder().add("status", outcome.status());
        return nullSafe(result, "message", outcome.message()).build();
    }

    private static JsonObject subscription(ConnectReport.Subscription subscription) {
        if (!subscription.ok()) {
            return nullSafe(Jsonp.createObjectBuilder().add("status", "failed"), "message", subscription.message()).build();
        }
        JsonArrayBuilder fields = Jsonp.createArrayBuilder();
        subscription.fields().forEach(fields::add);
        return Jsonp.createObjectBuilder().add("status", "success").add("subscribed_fields", fields).build();
    }

    private static JsonObject perPage(String pageId, JsonObject result) {
        return Jsonp.createObjectBuilder().add("page_id", pageId).add("result", result).build();
    }

    private static JsonObjectBuilder nullSafe(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder : builder.add(name, value);
    }
}

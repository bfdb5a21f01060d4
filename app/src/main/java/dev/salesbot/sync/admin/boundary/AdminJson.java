package dev.salesbot.sync.admin.boundary;

import dev.salesbot.sync.admin.control.AdminEvent;
import dev.salesbot.sync.admin.control.ConnectionView;
import dev.salesbot.sync.admin.control.Dashboard;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.merchants.control.ConnectionActions;
import dev.salesbot.sync.queue.control.SyncRequests;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** The console's data as JSON ({@code /admin/api/connections}, {@code /admin/api/summary}); times in ISO-8601 UTC, ages in seconds. */
final class AdminJson {

    private AdminJson() {
    }

    static JsonObject connections(List<ConnectionView> views, OffsetDateTime now) {
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        views.forEach(v -> list.add(connection(v, now)));
        return Jsonp.createObjectBuilder().add("connections", list).build();
    }

    static JsonObject connection(ConnectionView v, OffsetDateTime now) {
        JsonObjectBuilder counts = Jsonp.createObjectBuilder();
        v.counts().forEach(counts::add);
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("id", v.id()).add("merchant", v.merchant()).add("platform", v.platform()).add("target", v.target());
        text(json, "name", v.name());
        json.add("status", v.health());
        text(json, "status_reason", v.statusReason());
        time(json, "connected_at", v.connectedAt());
        time(json, "last_success_at", v.lastSuccessAt());
        if (v.lastSuccessAt() != null) {
            json.add("last_success_age_seconds", Math.max(0, Duration.between(v.lastSuccessAt(), now).toSeconds()));
        } else {
            json.addNull("last_success_age_seconds");
        }
        time(json, "last_attempt_at", v.lastAttemptAt());
        text(json, "last_result", v.lastResult() == null ? null : v.lastResult().toLowerCase(java.util.Locale.ROOT));
        text(json, "last_message", v.lastMessage());
        time(json, "next_poll_at", v.nextPollAt());
        JsonObjectBuilder webhook = Jsonp.createObjectBuilder();
        time(webhook, "at", v.lastWebhookAt());
        text(webhook, "topic", v.lastWebhookTopic());
        json.add("last_webhook", webhook);
        JsonObjectBuilder subscriptions = Jsonp.createObjectBuilder()
                .add("present", strings(v.webhooksPresent()))
                .add("wanted", strings(v.webhooksWanted()));
        time(subscriptions, "checked_at", v.webhooksCheckedAt());
        json.add("webhook_subscriptions", subscriptions);
        json.add("snapshot", Jsonp.createObjectBuilder().add("counts", counts).addAll(written(v.snapshotWrittenAt())));
        json.add("consecutive_failures", v.consecutiveFailures());
        text(json, "last_error", v.lastError());
        time(json, "last_error_at", v.lastErrorAt());
        return json.build();
    }

    /** What the operators must do on a platform's side (merchants.control.PlatformNotices). */
    private static JsonArrayBuilder notices(Dashboard.Overview o) {
        JsonArrayBuilder notices = Jsonp.createArrayBuilder();
        for (var n : o.notices()) {
            JsonObjectBuilder notice = Jsonp.createObjectBuilder().add("name", n.name()).add("message", n.message());
            time(notice, "since", n.since().atOffset(java.time.ZoneOffset.UTC));
            time(notice, "retry_at", n.retryAt().atOffset(java.time.ZoneOffset.UTC));
            notices.add(notice);
        }
        return notices;
    }

    /** Each configured platform API version and its end of support (merchants.control.SupportWindows). */
    private static JsonArrayBuilder versions(Dashboard.Overview o) {
        JsonArrayBuilder versions = Jsonp.createArrayBuilder();
        for (var v : o.versions()) {
            JsonObjectBuilder version = Jsonp.createObjectBuilder().add("platform", v.platform()).add("setting", v.setting())
                    .add("version", v.version()).add("standing", v.standing().name().toLowerCase(java.util.Locale.ROOT))
                    .add("warning", v.warns()).add("source", v.source());
            text(version, "supported_until", v.supportedUntil() == null ? null : v.supportedUntil().toString());
            if (v.daysLeft() != null) {
                version.add("days_left", v.daysLeft());
            }
            versions.add(version);
        }
        return versions;
    }

    /** Each platform's webhook intake on this server (group commit): waiting, batches, refusals. */
    private static JsonArrayBuilder intakes(Dashboard.Overview o) {
        JsonArrayBuilder intakes = Jsonp.createArrayBuilder();
        o.intakes().forEach((platform, i) -> {
            JsonObjectBuilder refused = Jsonp.createObjectBuilder();
            i.refused().forEach(refused::add);
            intakes.add(Jsonp.createObjectBuilder().add("platform", platform).add("depth", i.depth()).add("capacity", i.capacity())
                    .add("batches", i.batches()).add("deliveries", i.deliveries()).add("largest_batch", i.largestBatch())
                    .add("refused", refused));
        });
        return intakes;
    }

    static JsonObject summary(Dashboard.Overview o) {
        JsonObjectBuilder byStatus = Jsonp.createObjectBuilder();
        o.byHealth().forEach(byStatus::add);
        SyncRequests.Queue q = o.queue();
        JsonObjectBuilder queue = Jsonp.createObjectBuilder().add("pending", q.pending()).add("retrying", q.retrying())
                .add("retries", q.retries());
        seconds(queue, "oldest_pending_age_seconds", q.oldestCreatedAt(), o.at());
        seconds(queue, "oldest_due_age_seconds", q.oldestDueSince(), o.at());
        JsonArrayBuilder events = Jsonp.createArrayBuilder();
        for (AdminEvent e : o.events()) {
            JsonObjectBuilder event = Jsonp.createObjectBuilder();
            time(event, "at", e.at());
            event.add("type", e.type()).add("target", e.target()).add("what", e.what());
            text(event, "detail", e.detail());
            events.add(event);
        }
        JsonObjectBuilder json = Jsonp.createObjectBuilder().add("connections", o.connections().size())
                .add("merchants", o.merchants()).add("by_status", byStatus).add("queue", queue)
                .add("poll_interval_hours", o.pollScheduled() ? o.pollInterval().toMinutes() / 60d : 0)
                .add("sealed_tokens", Jsonp.createObjectBuilder().add("current_key", o.tokens().currentKey())
                        .add("older_keys", o.tokens().olderKeys()).add("unreadable", o.tokens().unreadable()))
                .add("notices", notices(o))
                .add("api_versions", versions(o))
                .add("webhook_intake", intakes(o))
                .add("events", events);
        time(json, "at", o.at());
        return json.build();
    }

    static JsonObject done(ConnectionActions.Done d) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder().add("action", d.action()).add("connection", d.connection())
                .add("target", d.target()).add("completed", d.completed()).add("message", d.message());
        text(json, "request", d.request());
        return json.build();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static JsonObjectBuilder written(OffsetDateTime at) {
        JsonObjectBuilder b = Jsonp.createObjectBuilder();
        time(b, "written_at", at);
        return b;
    }

    private static void text(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }

    private static void time(JsonObjectBuilder b, String name, OffsetDateTime value) {
        text(b, name, value == null ? null : value.toInstant().toString());
    }

    private static void seconds(JsonObjectBuilder b, String name, OffsetDateTime since, OffsetDateTime now) {
        if (since == null) {
            b.addNull(name);
        } else {
            b.add(name, Math.max(0, Duration.between(since, now).toSeconds()));
        }
    }
}

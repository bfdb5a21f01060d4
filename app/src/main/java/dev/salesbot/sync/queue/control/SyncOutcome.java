package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The {@code upload_status} a connect answer shows: {@code success}, {@code unchanged},
 * {@code pending} (not finished within the wait, or failed once and being retried) or
 * {@code failed} (abandoned). {@code result} is present for success and unchanged.
 */
public record SyncOutcome(String status, String message, SyncResult result) {

    public static SyncOutcome done(SyncResult result) {
        return new SyncOutcome(result.status(), result.message(), result);
    }

    public static SyncOutcome pending(String message) {
        return new SyncOutcome("pending", message, null);
    }

    public static SyncOutcome failed(String message) {
        return new SyncOutcome("failed", message, null);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsonp.createObjectBuilder().add("status", status);
        if (message != null) {
            json.add("message", message);
        }
        return json.build();
    }
}

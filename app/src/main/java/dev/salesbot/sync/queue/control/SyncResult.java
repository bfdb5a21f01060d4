package dev.salesbot.sync.queue.control;

import jakarta.json.JsonObject;

/**
 * What a finished task did. {@code written}: at least one object was uploaded (else every
 * snapshot was unchanged). {@code summary} is what the connect answer shows (counts, locations);
 * {@code document} is the snapshot itself, kept in memory only for a caller that waits for it.
 */
public record SyncResult(boolean written, String message, JsonObject summary, JsonObject document) {

    public String status() {
        return written ? "success" : "unchanged";
    }
}

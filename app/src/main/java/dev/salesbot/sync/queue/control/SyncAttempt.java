package dev.salesbot.sync.queue.control;

import jakarta.json.JsonObject;

import java.time.Duration;

/**
 * One run of a sync task, as the worker saw it end: fired (a synchronous CDI event) after the
 * requests were closed or postponed, for the targets' status and the metrics. {@code summary} is
 * the result's (counts, location) when the run succeeded, else null; {@code message} is the
 * result's or the failure's plain reason.
 */
public record SyncAttempt(SyncKind kind, String target, Result result, String message, Duration took, JsonObject summary) {

    public enum Result {
        /** At least one object was uploaded. */
        WRITTEN,
        /** Every snapshot was unchanged: nothing uploaded. */
        UNCHANGED,
        /** Failed for now: retried with backoff. */
        POSTPONED,
        /** Waits for the platform (Shopify's bulk operations): looked at again later, no failure. */
        PARKED,
        /** Ended for good: needs the merchant, or retrying cannot help. */
        ABANDONED;

        public boolean succeeded() {
            return this == WRITTEN || this == UNCHANGED;
        }
    }
}

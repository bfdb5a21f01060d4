package dev.salesbot.sync.queue.control;

import java.time.Duration;
import java.util.Optional;

/**
 * The work can succeed later (storage or the platform unavailable, throttling past its own
 * retries): the request stays pending and is retried with backoff, no sooner than
 * {@code retryAfter} when the platform said how long to wait. The message is shown to merchants
 * and operators: a storage key and a plain reason, never a path, an endpoint or a secret; the
 * cause goes to the server log only.
 */
public class SyncPostponed extends RuntimeException {

    private final Duration retryAfter;

    public SyncPostponed(String message, Throwable cause) {
        this(message, null, cause);
    }

    public SyncPostponed(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

package dev.salesbot.sync.shopify.graphql;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Bounded retries for THROTTLED, 429 and 5xx: at most {@code maxAttempts} sends and
 * {@code totalBudget} of waiting; exponential delays from {@code base}, capped at {@code cap},
 * with "equal jitter" (half fixed, half random) so that many shops retrying at once spread out.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration totalBudget, DoubleSupplier random) {

    public static RetryPolicy standard() {
        return new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(3), Math::random);
    }

    /** The delay after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        long exponential = base.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(cap.toMillis(), exponential);
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * random.getAsDouble()));
    }

    /** A small random addition to a computed wait, so that retries of different shops do not align. */
    public Duration jitter() {
        return Duration.ofMillis((long) (base.toMillis() / 4.0 * random.getAsDouble()));
    }
}

package dev.salesbot.sync.queue.control;

import java.time.Duration;
import java.util.function.Function;

/**
 * How a sync's pacing and backoff wait (Shopify's leaky bucket, Graph's rate limits, a bulk
 * operation's polls); tests pass one that only advances a fake clock or records the pauses.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    /**
     * Really sleeps. An interrupt keeps the thread's flag set and ends the wait with
     * {@code interrupted}'s exception, the platform's own "try later" (the sync stays pending).
     */
    static Sleeper system(Function<InterruptedException, ? extends RuntimeException> interrupted) {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted.apply(e);
            }
        };
    }
}

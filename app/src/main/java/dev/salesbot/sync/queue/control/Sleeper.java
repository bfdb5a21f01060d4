package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.shopify.graphql.ShopifyUnavailableException;
import java.time.Duration;

/** How the pacing waits; tests pass one that only advances a fake clock. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    /** Really sleeps; an interrupt ends the fetch (the sync stays pending) and keeps the flag set. */
    static Sleeper system() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShopifyUnavailableException("interrupted while waiting for Shopify's rate limit", e);
            }
        };
    }
}

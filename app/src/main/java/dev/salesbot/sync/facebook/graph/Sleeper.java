package dev.salesbot.sync.facebook.graph;

import java.time.Duration;

/** How the Graph pacing waits; tests pass one that records the pauses instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    /** Really sleeps; an interrupt ends the call (the sync is retried later) and keeps the flag set. */
    static Sleeper system() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphException(0, 0, null, "interrupted while pacing Graph calls");
            }
        };
    }
}

package dev.salesbot.sync.facebook.graph;

import java.time.Duration;

/**
 * When to wait between Graph calls. Above {@link #SLOW_DOWN_ABOVE} % usage every call is followed
 * by a pause proportional to how far past it we are (85 % → 0.5 s, 100 % → {@link #MAX_SLOW_DOWN}),
 * so a burst spreads out before Graph starts refusing. After a rate-limit error the same call is
 * retried after 1, 2, 4 s; past {@link #MAX_RETRIES}, or when Graph announces minutes before access
 * returns, the caller gives up and the sync engine's own backoff takes over.
 */
public final class Pacing {

    public static final int SLOW_DOWN_ABOVE = 80;
    public static final Duration MAX_SLOW_DOWN = Duration.ofSeconds(2);
    public static final int MAX_RETRIES = 3;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private Pacing() {
    }

    public static Duration slowDown(Usage usage) {
        if (usage.percent() <= SLOW_DOWN_ABOVE) {
            return Duration.ZERO;
        }
        long millis = MAX_SLOW_DOWN.toMillis() * (usage.percent() - SLOW_DOWN_ABOVE) / (100 - SLOW_DOWN_ABOVE);
        return Duration.ofMillis(Math.min(MAX_SLOW_DOWN.toMillis(), millis));
    }

    /** Whether a call that failed with a rate limit on {@code attempt} (1-based) is worth retrying now. */
    public static boolean retryNow(int attempt, Usage usage) {
        return attempt <= MAX_RETRIES && usage.minutesToRegainAccess() == 0;
    }

    /** The pause before retry number {@code attempt}: 1 s, 2 s, 4 s. */
    public static Duration backoff(int attempt) {
        return FIRST_BACKOFF.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 4));
    }
}

package dev.salesbot.sync.queue.control;

import java.time.Duration;

/**
 * The work is under way on the platform and will take a while (Shopify's bulk operations): the
 * requests stay pending, due again after {@code recheck} or sooner when the platform says it is
 * done ({@link Syncs#resume}); no attempt is counted and no failure recorded, and no worker slot or
 * lease is held meanwhile. Not a failure: the message, shown to merchants and operators, says
 * what the sync waits for.
 */
public class SyncParked extends RuntimeException {

    private final Duration recheck;

    public SyncParked(String message, Duration recheck) {
        super(message, null, false, false);
        this.recheck = recheck;
    }

    /** When to look again if nobody says sooner. */
    public Duration recheck() {
        return recheck;
    }
}

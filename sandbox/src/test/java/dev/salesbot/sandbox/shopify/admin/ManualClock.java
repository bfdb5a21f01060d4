package dev.salesbot.sandbox.shopify.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock tests move by hand, so rate limits restore without sleeping. */
final class ManualClock implements InstantSource {

    private Instant now;

    ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }
}

package dev.salesbot.sandbox.shopify.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Shopify's per app-and-store leaky bucket of cost points: a query may start only if the bucket
 * holds its requested cost; the difference to the actual cost is refunded afterwards; points come
 * back continuously at the restore rate up to the capacity. The clock is injected so tests can
 * move time instead of sleeping.
 */
final class LeakyBucket {

    /** What {@code extensions.cost.throttleStatus} reports (Shopify sends the first and last as decimals). */
    record Status(double maximumAvailable, int currentlyAvailable, double restoreRate) {
    }

    private final InstantSource clock;
    private double capacity;
    private double restoreRate;
    private double available;
    private Instant updated;

    LeakyBucket(double capacity, double restoreRate, InstantSource clock) {
        this.clock = clock;
        this.capacity = capacity;
        this.restoreRate = restoreRate;
        this.available = capacity;
        this.updated = clock.instant();
    }

    /** Takes {@code cost} points if the bucket holds them; false (nothing taken) otherwise. */
    synchronized boolean tryTake(int cost) {
        restore();
        if (cost > available) {
            return false;
        }
        available -= cost;
        return true;
    }

    synchronized void refund(int points) {
        restore();
        available = Math.min(capacity, available + Math.max(0, points));
    }

    synchronized Status status() {
        restore();
        return new Status(capacity, (int) Math.floor(available), restoreRate);
    }

    /** New limits start full, as a store that changed plan does. */
    synchronized void reconfigure(double newCapacity, double newRestoreRate) {
        capacity = newCapacity;
        restoreRate = newRestoreRate;
        available = newCapacity;
        updated = clock.instant();
    }

    private void restore() {
        Instant now = clock.instant();
        if (now.isAfter(updated)) {
            double seconds = Duration.between(updated, now).toNanos() / 1e9;
            available = Math.min(capacity, available + seconds * restoreRate);
            updated = now;
        }
    }
}

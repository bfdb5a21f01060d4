package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.queue.control.Sleeper;
import java.util.HashMap;
import java.util.Map;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One shop's view of Shopify's leaky bucket, so that a request is sent only when the bucket can
 * pay its requested cost and a normal sync never meets THROTTLED.
 *
 * <p>Model: Shopify reports {@code currentlyAvailable} in every answer and refills at
 * {@code restoreRate} points per second up to {@code maximumAvailable}. The estimate now is the
 * last report plus the refill since that answer was <em>received</em>: Shopify measured the
 * level before answering, so counting from the receipt under-estimates a little and the pacing
 * errs on the safe side (counting from the send would add the server's processing time twice). Before a request of cost c with estimate a &lt; c the pacer
 * waits (c − a) ÷ restoreRate, and no more: the bucket is then exactly full enough. A reservation
 * keeps two requests for the same shop from spending the same points.
 */
public final class ThrottlePacer {

    private static final System.Logger LOGGER = System.getLogger(ThrottlePacer.class.getName());

    private final Clock clock;
    private final Sleeper sleeper;
    private boolean known;
    private double available;
    private double maximum;
    private double restoreRate;
    private Instant observedAt;
    /** Shopify's own requestedQueryCost per operation: our estimate may be lower than its count. */
    private final Map<String, Integer> learnedCosts = new HashMap<>();

    public ThrottlePacer(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until {@code cost} points are (estimated) available, then reserves them. */
    public synchronized Duration acquire(int cost) {
        Duration wait = waitFor(cost);
        if (!wait.isZero()) {
            LOGGER.log(System.Logger.Level.DEBUG, "Pacing: waiting {0} ms for {1} points", wait.toMillis(), cost);
            sleeper.sleep(wait);
        }
        if (known) {
            available = estimate() - cost;
            observedAt = clock.instant();
        }
        return wait;
    }

    /** How long until {@code cost} points are available; zero when unknown (nothing reported yet). */
    public synchronized Duration waitFor(int cost) {
        if (!known || restoreRate <= 0) {
            return Duration.ZERO;
        }
        double missing = Math.min(cost, maximum) - estimate();
        if (missing <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil(missing * 1000 / restoreRate));
    }

    /**
     * The cost to pace {@code operation} by: the larger of our estimate and what Shopify last said
     * it requested, so one under-estimate costs at most one THROTTLED answer, never a stream.
     */
    public synchronized int expectedCost(String operation, int estimate) {
        return Math.max(estimate, learnedCosts.getOrDefault(operation, 0));
    }

    public synchronized void learnCost(String operation, int requested) {
        learnedCosts.put(operation, requested);
    }

    /** Takes Shopify's report from an answer received at {@code receivedAt}. */
    public synchronized void record(QueryCost cost, Instant receivedAt) {
        known = true;
        available = cost.currentlyAvailable();
        maximum = cost.maximumAvailable();
        restoreRate = cost.restoreRate();
        observedAt = receivedAt;
    }

    private double estimate() {
        double seconds = Duration.between(observedAt, clock.instant()).toNanos() / 1e9;
        return Math.min(maximum, available + Math.max(0, seconds) * restoreRate);
    }
}

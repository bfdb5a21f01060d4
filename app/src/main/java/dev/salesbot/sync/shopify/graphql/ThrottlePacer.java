package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.queue.control.Sleeper;
import dev.salesbot.sync.shopify.graphql.buckets.BucketReport;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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

    /** The longest a call outside a sync's lease waits for the holder's reserve, in steps of at most {@link #STEP}. */
    static final Duration OUTSIDE_LEASE_WAIT = Duration.ofSeconds(30);
    static final Duration STEP = Duration.ofSeconds(1);

    private final Clock clock;
    private final Sleeper sleeper;
    private boolean known;
    private double available;
    private double maximum;
    private double restoreRate;
    private Instant observedAt;
    /** Shopify's own requestedQueryCost per operation: our estimate may be lower than its count. */
    private final Map<String, Integer> learnedCosts = new HashMap<>();
    /** The largest requested cost any server reported for the shop (the shared report's). */
    private int largestShared;

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

    /**
     * For a call outside the shop's sync lease: merges the shared report ({@code shared}, read
     * again before each step) and waits until the estimate covers {@code cost} plus the holder's
     * reserve ({@link #reserve()}), at most {@link #OUTSIDE_LEASE_WAIT} in all; then reserves
     * {@code cost} as {@link #acquire} does. The bound keeps a console action or a callback from
     * waiting on a sync for long: past it the call goes, and a THROTTLED answer is retried as usual.
     */
    public Duration acquireOutsideLease(int cost, Supplier<Optional<BucketReport>> shared) {
        // Not synchronized as a whole: the steps sleep outside the monitor, so the same server's
        // sync in its lease ({@link #acquire}) is never held up by a call that yields to it.
        Duration waited = Duration.ZERO;
        while (true) {
            Optional<BucketReport> report = shared.get();
            Duration wait;
            double reserve;
            synchronized (this) {
                report.ifPresent(this::merge);
                reserve = reserve();
                wait = waitFor(cost + reserve);
            }
            Duration left = OUTSIDE_LEASE_WAIT.minus(waited);
            if (wait.isZero() || left.isNegative() || left.isZero()) {
                break;
            }
            Duration step = min(min(wait, STEP), left);
            LOGGER.log(System.Logger.Level.DEBUG, "Pacing outside the lease: waiting {0} ms for {1} points and the holder''s {2}",
                    step.toMillis(), cost, (int) reserve);
            sleeper.sleep(step);
            waited = waited.plus(step);
        }
        return waited.plus(acquire(cost));
    }

    /**
     * Takes another server's report (the shared one) into the estimate: the lower of the two
     * estimates now wins, since both servers' spending comes out of the one bucket.
     */
    public synchronized void merge(BucketReport report) {
        largestShared = Math.max(largestShared, report.largestRequested());
        Instant now = clock.instant();
        double theirs = Math.min(report.maximumAvailable(),
                report.currentlyAvailable() + report.age().toNanos() / 1e9 * report.restoreRate());
        if (!known || theirs < estimate()) {
            known = true;
            available = theirs;
            maximum = report.maximumAvailable();
            restoreRate = report.restoreRate();
            observedAt = now;
        }
    }

    /**
     * What a call outside the lease leaves in the bucket for the holder: half the bucket, or the
     * largest cost a query of this shop asked for if that is more, never more than the bucket.
     */
    synchronized double reserve() {
        int largest = learnedCosts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return Math.min(maximum, Math.max(maximum / 2, Math.max(largest, largestShared)));
    }

    /** Points restored per second, as Shopify last reported them; 0 before its first report. */
    public synchronized double restoreRate() {
        return known ? restoreRate : 0;
    }

    /** How long until {@code cost} points are available; zero when unknown (nothing reported yet). */
    public synchronized Duration waitFor(int cost) {
        return waitFor((double) cost);
    }

    private Duration waitFor(double cost) {
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private double estimate() {
        double seconds = Duration.between(observedAt, clock.instant()).toNanos() / 1e9;
        return Math.min(maximum, available + Math.max(0, seconds) * restoreRate);
    }
}

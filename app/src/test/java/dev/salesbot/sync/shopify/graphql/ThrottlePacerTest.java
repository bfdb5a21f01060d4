package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.buckets.BucketReport;
import dev.salesbot.sync.testing.FakeClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared bucket (issue 23): a lease holder and calls outside the lease on another server. */
class ThrottlePacerTest {

    /** Shopify's standard plan: 2,000 points, 100 a second. */
    private static final double BUCKET = 2000;
    private static final double RESTORE = 100;
    private static final int PAGE = 857;
    private static final int LIVE_READ = 2;

    private final FakeClock clock = new FakeClock();
    private final ThrottlePacer pacer = new ThrottlePacer(clock, clock.sleeper());

    @Test
    void takesTheLowerOfItsOwnAndTheSharedEstimate() {
        pacer.record(report(1500), clock.instant());

        pacer.merge(new BucketReport(300, BUCKET, RESTORE, PAGE, Duration.ofSeconds(2)));

        // The other server's 300 two seconds ago is 500 now, below our 1,500: 857 − 500 = 357 points, 3.57 s.
        assertThat(pacer.waitFor(PAGE)).isEqualTo(Duration.ofMillis(3_570));
    }

    @Test
    void keepsItsOwnEstimateWhenTheSharedOneIsHigher() {
        pacer.record(report(500), clock.instant());

        pacer.merge(new BucketReport(1900, BUCKET, RESTORE, PAGE, Duration.ZERO));

        assertThat(pacer.waitFor(PAGE)).isEqualTo(Duration.ofMillis(3_570));
    }

    @Test
    void aStaleSharedReportHasRefilledSinceAndCostsNothing() {
        pacer.record(report(BUCKET), clock.instant());

        pacer.merge(new BucketReport(0, BUCKET, RESTORE, PAGE, Duration.ofMinutes(5)));

        assertThat(pacer.waitFor(PAGE)).isZero();
    }

    @Test
    void aCallOutsideTheLeaseLeavesTheHolderHalfTheBucket() {
        List<Duration> reads = new ArrayList<>();
        java.time.Instant written = clock.instant();
        // The holder's sync left 1,000 points and sends nothing more; its pages ask 857, under half the bucket.
        Duration waited = pacer.acquireOutsideLease(LIVE_READ, () -> {
            reads.add(Duration.between(written, clock.instant()));
            return Optional.of(new BucketReport(1000, BUCKET, RESTORE, PAGE, reads.get(reads.size() - 1)));
        });

        // 1,000 + 2 points wanted: 2 missing, 20 ms, in one step, the shared report read again after it.
        assertThat(waited).isEqualTo(Duration.ofMillis(20));
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(20));
        assertThat(reads).containsExactly(Duration.ZERO, Duration.ofMillis(20));
    }

    @Test
    void theReserveIsTheLargestQueryWhenThatIsMoreThanHalfTheBucket() {
        // A small bucket (1,000 points, 25 a second) that a page of 862 nearly fills.
        BucketReport holders = new BucketReport(800, 1000, 25, 862, Duration.ZERO);

        Duration waited = pacer.acquireOutsideLease(LIVE_READ, () -> Optional.of(holders));

        // It waits for 864 points while the holder keeps the bucket at 800 (each step reads it again), then goes: bounded.
        assertThat(waited).isEqualTo(ThrottlePacer.OUTSIDE_LEASE_WAIT);
        assertThat(clock.sleeps()).hasSize(30).allMatch(step -> step.compareTo(ThrottlePacer.STEP) <= 0);
    }

    @Test
    void aCallOutsideTheLeaseGoesAtOnceWhenTheBucketHasRoomForBoth() {
        Duration waited = pacer.acquireOutsideLease(LIVE_READ,
                () -> Optional.of(new BucketReport(BUCKET, BUCKET, RESTORE, PAGE, Duration.ZERO)));

        assertThat(waited).isZero();
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void aCallOutsideTheLeaseKnowingNothingGoesAtOnce() {
        assertThat(pacer.acquireOutsideLease(LIVE_READ, Optional::empty)).isZero();
    }

    @Test
    void aCallWaitingOutsideTheLeaseDoesNotHoldUpTheSyncInIt() throws Exception {
        // The outside call's step blocks until released; the sync's own acquire must not wait for it.
        java.util.concurrent.CountDownLatch stepping = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ThrottlePacer shared = new ThrottlePacer(clock, duration -> {
            stepping.countDown();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        shared.record(report(1000), clock.instant());
        java.util.concurrent.ExecutorService outside = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Duration> call = outside.submit(() -> shared.acquireOutsideLease(LIVE_READ,
                    () -> Optional.of(new BucketReport(1000, BUCKET, RESTORE, PAGE, Duration.ZERO))));
            assertThat(stepping.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the outside call is waiting").isTrue();

            java.util.concurrent.CompletableFuture<Duration> sync = java.util.concurrent.CompletableFuture.supplyAsync(() -> shared.acquire(PAGE));

            assertThat(sync.get(5, java.util.concurrent.TimeUnit.SECONDS)).as("the holder's page goes at once").isZero();
            release.countDown();
            call.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            outside.shutdownNow();
        }
    }

    private static QueryCost report(double available) {
        return new QueryCost(PAGE, 100, BUCKET, available, RESTORE);
    }
}

package dev.salesbot.sandbox.shopify.admin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LeakyBucketTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-09-01T12:00:00Z"));
    private final LeakyBucket bucket = new LeakyBucket(1000, 50, clock);

    @Test
    void startsFull() {
        assertThat(bucket.status()).isEqualTo(new LeakyBucket.Status(1000, 1000, 50));
    }

    @Test
    void refusesACostLargerThanWhatIsLeftAndTakesNothing() {
        assertThat(bucket.tryTake(900)).isTrue();

        assertThat(bucket.tryTake(101)).isFalse();
        assertThat(bucket.status().currentlyAvailable()).isEqualTo(100);
    }

    @Test
    void restoresAtTheRestoreRateOverTime() {
        bucket.tryTake(1000);

        clock.advance(Duration.ofMillis(1500));

        assertThat(bucket.status().currentlyAvailable()).isEqualTo(75);
        assertThat(bucket.tryTake(75)).isTrue();
    }

    @Test
    void neverRestoresPastItsCapacity() {
        bucket.tryTake(10);
        clock.advance(Duration.ofHours(1));

        assertThat(bucket.status().currentlyAvailable()).isEqualTo(1000);
    }

    @Test
    void refundsTheDifferenceBetweenRequestedAndActualCost() {
        bucket.tryTake(600);
        bucket.refund(500);

        assertThat(bucket.status().currentlyAvailable()).isEqualTo(900);
    }
}

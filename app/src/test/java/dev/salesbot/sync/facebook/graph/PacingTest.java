package dev.salesbot.sync.facebook.graph;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PacingTest {

    @Test
    void doesNotSlowDownAtOrBelowEightyPercent() {
        assertThat(Pacing.slowDown(new Usage(0, 0))).isZero();
        assertThat(Pacing.slowDown(new Usage(80, 0))).isZero();
    }

    @Test
    void slowsDownInProportionAboveEightyPercent() {
        assertThat(Pacing.slowDown(new Usage(85, 0))).isEqualTo(Duration.ofMillis(500));
        assertThat(Pacing.slowDown(new Usage(90, 0))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Pacing.slowDown(new Usage(100, 0))).isEqualTo(Pacing.MAX_SLOW_DOWN);
    }

    @Test
    void backsOffOneTwoFourSeconds() {
        assertThat(Pacing.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Pacing.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Pacing.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void retriesOnlyABoundedNumberOfTimes() {
        assertThat(Pacing.retryNow(Pacing.MAX_RETRIES, Usage.NONE)).isTrue();
        assertThat(Pacing.retryNow(Pacing.MAX_RETRIES + 1, Usage.NONE)).isFalse();
    }

    @Test
    void doesNotRetryWhenGraphAnnouncesMinutesBeforeAccessReturns() {
        assertThat(Pacing.retryNow(1, new Usage(100, 12))).isFalse();
    }
}

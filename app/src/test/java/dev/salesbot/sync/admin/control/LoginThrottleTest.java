package dev.salesbot.sync.admin.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    /** A clock that moves only when told. */
    private static final class StepClock extends java.time.Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final StepClock clock = new StepClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void theFirstFailuresCostNothing() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.wait("10.0.0.1")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheMaximum() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.wait("10.0.0.1")).contains(Duration.ofSeconds(1));
        throttle.failed("10.0.0.1");
        assertThat(throttle.wait("10.0.0.1")).contains(Duration.ofSeconds(2));
        for (int i = 0; i < 30; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.wait("10.0.0.1")).contains(LoginThrottle.MAX_WAIT);
        assertThat(throttle.wait("10.0.0.2")).as("another address is not slowed").isEmpty();
    }

    @Test
    void theWaitEndsAndASuccessClearsTheAddress() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 2; i++) {
            throttle.failed("10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(3));
        assertThat(throttle.wait("10.0.0.1")).isEmpty();
        throttle.succeeded("10.0.0.1");
        throttle.failed("10.0.0.1");
        assertThat(throttle.wait("10.0.0.1")).as("counted afresh").isEmpty();
    }

    @Test
    void anAddressQuietForAnHourStartsAfresh() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 3; i++) {
            throttle.failed("10.0.0.1");
        }
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        throttle.failed("10.0.0.1");
        assertThat(throttle.wait("10.0.0.1")).isEmpty();
    }
}

package dev.salesbot.sync.poll.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class PollSpreadTest {

    static final Duration DAY = Duration.ofHours(24);
    static final long NOW = 1_796_000_000_000L;

    @Test
    void aThousandConnectionsFoundAtOnceAreSpreadOverTheWholeInterval() {
        int[] perHour = new int[24];
        for (int i = 0; i < 1_000; i++) {
            long first = PollSpread.first("shop-" + i + ".myshopify.com", NOW, DAY);
            assertThat(first).isBetween(NOW, NOW + DAY.toMillis() - 1);
            perHour[(int) ((first - NOW) / Duration.ofHours(1).toMillis())]++;
        }
        // About 42 an hour; never all at one instant, no hour empty, none holding a fifth of them.
        for (int hour = 0; hour < 24; hour++) {
            assertThat(perHour[hour]).as("hour " + hour).isBetween(15, 80);
        }
    }

    @Test
    void theFirstSlotIsStableForATarget() {
        assertThat(PollSpread.first("101368371725791", NOW, DAY)).isEqualTo(PollSpread.first("101368371725791", NOW, DAY));
    }

    @Test
    void theNextPollComesWithinTheIntervalAtLeastAMinuteEarlyAndAtMostATenthEarly() {
        RandomGenerator random = new SplittableRandom(7);
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            long next = PollSpread.next(NOW, DAY, random);
            earliest = Math.min(earliest, next);
            latest = Math.max(latest, next);
        }
        assertThat(latest).as("at least once per interval, whatever the tick's delay").isLessThanOrEqualTo(NOW + DAY.toMillis() - 60_000);
        assertThat(earliest).isGreaterThanOrEqualTo(NOW + DAY.toMillis() - DAY.toMillis() / 10);
        assertThat(latest - earliest).as("jittered, so that bunched polls drift apart").isGreaterThan(Duration.ofHours(2).toMillis());
    }

    @Test
    void aShortIntervalStillPollsWithinIt() {
        Duration minute = Duration.ofMinutes(1);
        long next = PollSpread.next(NOW, minute, new SplittableRandom(1));
        assertThat(next).isBetween(NOW + 1, NOW + minute.toMillis());
    }
}

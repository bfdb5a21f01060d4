package dev.salesbot.sync.poll.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PollsTest {

    @Test
    void zeroHoursTurnsTheScheduledPollsOffAndLeavesPollNowItsDefaultInterval() {
        Polls polls = new Polls();
        polls.intervalHours = 0;

        polls.tick(); // no slot store wired: a tick that did anything would fail here

        assertThat(polls.scheduled()).isFalse();
        assertThat(polls.interval()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theIntervalIsTheConfiguredHoursButAtLeastAMinute() {
        Polls polls = new Polls();
        polls.intervalHours = 0.5;
        assertThat(polls.scheduled()).isTrue();
        assertThat(polls.interval()).isEqualTo(Duration.ofMinutes(30));
        polls.intervalHours = 0.0001;
        assertThat(polls.interval()).isEqualTo(Duration.ofMinutes(1));
    }
}

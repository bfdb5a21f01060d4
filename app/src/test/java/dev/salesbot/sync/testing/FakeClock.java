package dev.salesbot.sync.testing;

import dev.salesbot.sync.queue.control.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told; its {@link #sleeper()} advances it and records each wait. */
public final class FakeClock extends Clock {

    static final Instant START = Instant.parse("2026-02-01T12:00:00Z");

    private Instant now = START;
    private final List<Duration> sleeps = new ArrayList<>();

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    public Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            advance(duration);
        };
    }

    public List<Duration> sleeps() {
        return sleeps;
    }

    Duration elapsed() {
        return Duration.between(START, now);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

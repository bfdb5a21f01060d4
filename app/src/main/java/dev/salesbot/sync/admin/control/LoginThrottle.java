package dev.salesbot.sync.admin.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: per client address, the first {@value #FREE_FAILURES} failed logins in a
 * row cost nothing; each further one makes the address wait 1 s, 2 s, 4 s … (at most
 * {@link #MAX_WAIT}) before its next attempt is even checked. A success clears the address; an
 * address quiet for {@link #FORGET_AFTER} starts afresh. At most {@value #MAX_ADDRESSES} addresses
 * are remembered (the oldest entry is dropped first), so a flood of addresses cannot fill the heap.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int MAX_ADDRESSES = 10_000;

    private record Failures(int count, Instant last, Instant notBefore) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the address must still wait before an attempt is checked; empty if it may try now. */
    public Optional<Duration> wait(String address) {
        Failures f = failures.get(address);
        Instant now = clock.instant();
        if (f == null || !f.notBefore().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.notBefore()));
    }

    public void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
            failures.entrySet().stream().min(Map.Entry.comparingByValue((a, b) -> a.last().compareTo(b.last())))
                    .ifPresent(oldest -> failures.remove(oldest.getKey()));
        }
        failures.compute(address, (k, f) -> {
            int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
            Duration wait = count <= FREE_FAILURES ? Duration.ZERO
                    : Duration.ofSeconds(1L << Math.min(count - FREE_FAILURES - 1, 20));
            return new Failures(count, now, now.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait));
        });
    }

    public void succeeded(String address) {
        failures.remove(address);
    }
}

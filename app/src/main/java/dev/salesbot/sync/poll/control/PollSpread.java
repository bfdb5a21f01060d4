package dev.salesbot.sync.poll.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When connections are polled: spread over the interval, never all at one instant, and each at
 * least once per interval.
 *
 * <ul>
 * <li>A connection's first slot is at a stable offset within the interval, from a hash of its
 * target: a thousand connections found at once (an upgrade, a restored database) are spread
 * evenly over the interval instead of polled together.</li>
 * <li>After a poll the next one is an interval later, minus a random jitter of at least one
 * minute (the poll tick's granularity, so that "at least once per interval" holds) and at most a
 * tenth of the interval: polls that bunched up (a poll now) drift apart again.</li>
 * </ul>
 */
public final class PollSpread {

    static final Duration MIN_JITTER = Duration.ofMinutes(1);

    private PollSpread() {
    }

    /** Epoch millis of the first poll of {@code target}, found at {@code now}. */
    public static long first(String target, long now, Duration interval) {
        return now + Math.floorMod(stableHash(target), Math.max(1, interval.toMillis()));
    }

    /** Epoch millis of the poll after one at {@code now}. */
    public static long next(long now, Duration interval, RandomGenerator random) {
        long intervalMillis = Math.max(1, interval.toMillis());
        long maxJitter = intervalMillis / 10;
        long minJitter = Math.min(MIN_JITTER.toMillis(), maxJitter);
        long jitter = maxJitter <= minJitter ? minJitter : random.nextLong(minJitter, maxJitter + 1);
        return now + intervalMillis - jitter;
    }

    private static long stableHash(String target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xff);
            }
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

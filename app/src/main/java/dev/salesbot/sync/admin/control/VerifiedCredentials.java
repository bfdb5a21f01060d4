package dev.salesbot.sync.admin.control;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * HTTP Basic credentials this server has just checked, per client, so that a script's or the
 * metrics scrape's calls do not each cost a password hash and a throttle count:
 * <ul>
 * <li>{@link #once}: calls of one client presenting the same {@code Authorization} value at the
 * same time wait for one check and share its answer. Otherwise each would be counted as an attempt
 * before any succeeded ({@link LoginThrottle}), and six correct calls at once from one address
 * would lock it out.</li>
 * <li>{@link #remember}: a success is remembered for {@link #REMEMBER}; the caller may then let the
 * same client's same value in without a hash ({@link #remembered}), as long as the throttle does
 * not make that client wait. A failure is never remembered.</li>
 * </ul>
 * Keys are an HMAC of client and value under a random key made when the server starts, never the
 * credentials as they came; at most {@value #MAX_REMEMBERED} successes are remembered. A changed
 * admin password therefore takes up to {@link #REMEMBER} to end the old one's Basic calls on a
 * server (a restart ends it at once).
 */
@ApplicationScoped
public class VerifiedCredentials {

    static final Duration REMEMBER = Duration.ofMinutes(5);
    static final int MAX_REMEMBERED = 64;
    /** The longest a call waits for the same credentials' check in progress. */
    static final Duration JOIN_WAIT = Duration.ofSeconds(30);

    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, CompletableFuture<?>> running = new ConcurrentHashMap<>();
    private final Map<String, Success> successes = new ConcurrentHashMap<>();

    private record Success(String caller, long until) {
    }

    public VerifiedCredentials() {
        this(Clock.systemUTC());
    }

    VerifiedCredentials(Clock clock) {
        this.clock = clock;
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The key of {@code authorization} presented by {@code client}. */
    public String key(String client, String authorization) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((client + "\n" + authorization).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }

    /** {@code check}'s outcome, run now, or shared with the same key's check in progress. */
    @SuppressWarnings("unchecked")
    public <T> T once(String key, Supplier<T> check) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> existing = (CompletableFuture<T>) running.putIfAbsent(key, mine);
        if (existing != null) {
            return join(existing);
        }
        try {
            T outcome = check.get();
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** The caller whose success under {@code key} is remembered still. */
    public Optional<String> remembered(String key) {
        Success success = successes.get(key);
        if (success == null) {
            return Optional.empty();
        }
        if (success.until() <= clock.millis()) {
            successes.remove(key, success);
            return Optional.empty();
        }
        return Optional.of(success.caller());
    }

    public void remember(String key, String caller) {
        if (successes.size() >= MAX_REMEMBERED) {
            long now = clock.millis();
            successes.values().removeIf(s -> s.until() <= now);
        }
        if (successes.size() < MAX_REMEMBERED || successes.containsKey(key)) {
            successes.put(key, new Success(caller, clock.millis() + REMEMBER.toMillis()));
        }
    }

    public void forget(String key) {
        successes.remove(key);
    }

    private static <T> T join(CompletableFuture<T> outcome) {
        try {
            return outcome.get(JOIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new LoginsUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginsUnavailable(e);
        }
    }
}

package dev.salesbot.sync.admin.control;

import dev.salesbot.sync.testing.FakeClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client's Basic credentials checked once for calls at the same time, and a success remembered for a while. */
class VerifiedCredentialsTest {

    static final String RIGHT = "Basic YWRtaW46cmlnaHQ=";
    static final String WRONG = "Basic YWRtaW46d3Jvbmc=";

    final FakeClock clock = new FakeClock();
    final VerifiedCredentials verified = new VerifiedCredentials(clock);

    @Test
    void twelveCallsAtOnceWithTheSameCredentialsShareOneCheck() throws Exception {
        String key = verified.key("192.0.2.10", RIGHT);
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService calls = Executors.newFixedThreadPool(12);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            answers.add(calls.submit(() -> verified.once(key, () -> {
                checks.incrementAndGet();
                checking.countDown();
                await(release);
                return true;
            })));
            assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 11; i++) {
                answers.add(calls.submit(() -> verified.once(key, () -> {
                    checks.incrementAndGet();
                    return false;
                })));
            }
            Thread.sleep(200); // the others wait on the first check instead of running their own
            release.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(checks).as("one hash, one count for all twelve").hasValue(1);
            assertThat(verified.once(key, () -> false)).as("the next call is checked again").isFalse();
        } finally {
            calls.shutdownNow();
        }
    }

    @Test
    void keysAreNeitherTheCredentialsNorSharedBetweenClientsOrValues() {
        String key = verified.key("192.0.2.10", RIGHT);
        assertThat(key).hasSize(64).doesNotContain("YWRtaW4");
        assertThat(verified.key("192.0.2.11", RIGHT)).isNotEqualTo(key);
        assertThat(verified.key("192.0.2.10", WRONG)).isNotEqualTo(key);
        assertThat(new VerifiedCredentials(clock).key("192.0.2.10", RIGHT)).as("a key made at start").isNotEqualTo(key);
    }

    @Test
    void aSuccessIsRememberedForFiveMinutes() {
        String key = verified.key("192.0.2.10", RIGHT);
        verified.remember(key, "admin");
        clock.sleeper().sleep(VerifiedCredentials.REMEMBER.minusSeconds(1));
        assertThat(verified.remembered(key)).contains("admin");
        assertThat(verified.remembered(verified.key("192.0.2.11", RIGHT))).as("another client's").isEmpty();

        clock.sleeper().sleep(Duration.ofSeconds(1));
        assertThat(verified.remembered(key)).isEmpty();
    }

    @Test
    void atMostSixtyFourSuccessesAreRemembered() {
        for (int i = 0; i < VerifiedCredentials.MAX_REMEMBERED + 10; i++) {
            verified.remember(verified.key("192.0.2." + i, RIGHT), "admin");
        }
        assertThat(verified.remembered(verified.key("192.0.2.0", RIGHT))).isPresent();
        assertThat(verified.remembered(verified.key("192.0.2." + (VerifiedCredentials.MAX_REMEMBERED + 5), RIGHT))).isEmpty();
    }

    @Test
    void aCheckThatFailsWithAnErrorFailsEveryoneWaitingAndIsNotKept() {
        String key = verified.key("192.0.2.10", RIGHT);
        assertThatThrownBy(() -> verified.once(key, () -> {
            throw new LoginsUnavailable(new IllegalStateException("database down"));
        })).isInstanceOf(LoginsUnavailable.class);

        assertThat(verified.once(key, () -> "checked again")).isEqualTo("checked again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

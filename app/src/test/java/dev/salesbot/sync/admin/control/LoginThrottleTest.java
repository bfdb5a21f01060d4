package dev.salesbot.sync.admin.control;

import dev.salesbot.sync.config.TrustedProxies;
import dev.salesbot.sync.testing.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's rules on the real schema (H2 in memory, migrated by the product's changelog), with
 * a clock that moves only when told; one test reads the database's own clock.
 */
class LoginThrottleTest {

    static final InetAddress GUESSER = ip("198.51.100.7");
    static final InetAddress ADMIN_OFFICE = ip("192.0.2.10");
    static final InetAddress ADMIN_HOME = ip("2001:db8:aa:1::10");

    /** A clock that moves only when told. */
    static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
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

    final StepClock clock = new StepClock();
    JdbcDataSource database;
    LoginThrottle throttle;

    @BeforeEach
    void migratedDatabase() throws Exception {
        database = MigratedH2.fresh();
        throttle = new LoginThrottle(database, clock);
    }

    static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }

    /** One wrong password from {@code client}: admitted, then failed. */
    private void wrongPassword(InetAddress client) {
        assertThat(throttle.admit(client)).as("admitted").isEmpty();
        throttle.failed(client);
    }

    /** One wrong password from {@code client}, after waiting as long as it is told to. */
    private void wrongPasswordOnceAllowed(InetAddress client) {
        Optional<Duration> wait = throttle.admit(client);
        if (wait.isPresent()) {
            clock.advance(wait.get());
            assertThat(throttle.admit(client)).as("admitted after the wait").isEmpty();
        }
        throttle.failed(client);
    }

    @Test
    void mustWaitSaysWhatAdmitWouldAndChangesNothing() throws Exception {
        assertThat(throttle.mustWait(GUESSER)).isFalse();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            wrongPassword(GUESSER);
        }
        List<String> before = rows();

        assertThat(throttle.mustWait(GUESSER)).isTrue();
        assertThat(throttle.mustWait(ADMIN_OFFICE)).isFalse();
        assertThat(rows()).as("no row written").isEqualTo(before);
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.mustWait(GUESSER)).isFalse();
    }

    @Test
    void theFirstFailuresCostNothing() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            wrongPassword(GUESSER);
        }
        assertThat(throttle.admit(GUESSER)).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToTheMaximum() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            wrongPassword(GUESSER);
        }
        assertThat(throttle.admit(GUESSER)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        wrongPassword(GUESSER);
        assertThat(throttle.admit(GUESSER)).contains(Duration.ofSeconds(2));
        for (int i = 0; i < 12; i++) {
            wrongPasswordOnceAllowed(GUESSER);
        }
        assertThat(throttle.admit(GUESSER)).contains(LoginThrottle.MAX_WAIT);
        assertThat(throttle.admit(ADMIN_OFFICE)).as("another client is not slowed").isEmpty();
    }

    @Test
    void aRefusedAttemptChangesNothing() throws Exception {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            wrongPassword(GUESSER);
        }
        List<String> before = rows();

        for (int i = 0; i < 10; i++) {
            assertThat(throttle.admit(GUESSER)).isPresent();
        }

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aSuccessClearsTheClientAndTheWaitEnds() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 2; i++) {
            wrongPasswordOnceAllowed(ADMIN_OFFICE);
        }
        assertThat(throttle.admit(ADMIN_OFFICE)).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.admit(ADMIN_OFFICE)).isEmpty();
        throttle.succeeded(ADMIN_OFFICE);

        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            wrongPassword(ADMIN_OFFICE);
        }
        assertThat(throttle.admit(ADMIN_OFFICE)).as("counted afresh").isEmpty();
    }

    @Test
    void aClientQuietForAnHourStartsAfresh() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 3; i++) {
            wrongPasswordOnceAllowed(GUESSER);
        }
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            wrongPassword(GUESSER);
        }
        assertThat(throttle.admit(GUESSER)).isEmpty();
    }

    @Test
    void anIpv6ClientIsItsSlashSixtyFour() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            wrongPassword(ip("2001:db8:1:2::" + Integer.toHexString(i + 1)));
        }
        assertThat(throttle.admit(ip("2001:db8:1:2:ffff:ffff:ffff:ffff"))).as("the same /64").isPresent();
        assertThat(throttle.admit(ip("2001:db8:1:3::1"))).as("the next /64").isEmpty();
        assertThat(LoginThrottle.subject(ip("2001:db8:1:2::99"))).isEqualTo("client 2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.subject(ip("::ffff:192.0.2.1"))).isEqualTo("client 192.0.2.1");
    }

    /** The account under attack from many addresses: each gets one guess; a clean address still gets in. */
    @Test
    void guessesFromManyAddressesNeverLockOutACleanOne() {
        List<InetAddress> botnet = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            botnet.add(ip("203.0.113." + i));
        }
        int checked = 0;
        for (InetAddress bot : botnet) {
            for (int guess = 0; guess < 3; guess++) {
                if (throttle.admit(bot).isEmpty()) {
                    checked++;
                    throttle.failed(bot);
                }
            }
        }
        int firstBots = LoginThrottle.ACCOUNT_FREE_FAILURES / 3 + 1;
        assertThat(checked).as("3 guesses each until the account is under attack, then one each")
                .isLessThanOrEqualTo(firstBots * 3 + (botnet.size() - firstBots));
        assertThat(throttle.admit(botnet.get(150))).as("a guessing address waits until its failures are forgotten")
                .hasValueSatisfying(wait -> assertThat(wait).isEqualTo(LoginThrottle.FORGET_AFTER));

        assertThat(throttle.admit(ADMIN_OFFICE)).as("the admin's clean address is checked").isEmpty();
        throttle.succeeded(ADMIN_OFFICE);
        assertThat(throttle.admit(ADMIN_HOME)).isEmpty();
        throttle.succeeded(ADMIN_HOME);
        assertThat(throttle.admit(ADMIN_OFFICE)).as("again and again").isEmpty();
        throttle.succeeded(ADMIN_OFFICE);

        clock.advance(LoginThrottle.FORGET_AFTER);
        assertThat(throttle.admit(botnet.get(150))).as("an hour later").isEmpty();
    }

    @Test
    void underAttackAnAddressThatFailedWaitsForItsFailuresToBeForgotten() {
        for (int i = 1; i <= LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
            wrongPassword(ip("203.0.113." + i));
        }
        wrongPassword(ADMIN_OFFICE); // the admin mistypes once
        clock.advance(Duration.ofMinutes(10));

        assertThat(throttle.admit(ADMIN_OFFICE)).contains(LoginThrottle.FORGET_AFTER.minusMinutes(10));
        assertThat(throttle.admit(ADMIN_HOME)).as("another clean address").isEmpty();
    }

    @Test
    void aBurstOfGuessesFromOneClientChecksOnlyWhatItsCountAllows() throws Exception {
        assertThat(burst(GUESSER, 24)).isEqualTo(LoginThrottle.FREE_FAILURES + 1);
    }

    @Test
    void underAttackABurstFromACleanClientChecksOneGuess() throws Exception {
        for (int i = 1; i <= LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
            wrongPassword(ip("203.0.113." + i));
        }
        assertThat(burst(GUESSER, 24)).isEqualTo(1);
    }

    /** {@code threads} attempts from {@code client} at once, each failing once admitted; answers how many were admitted. */
    private int burst(InetAddress client, int threads) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(pool.submit(() -> {
                    go.await();
                    boolean admitted = throttle.admit(client).isEmpty();
                    if (admitted) {
                        throttle.failed(client);
                    }
                    return admitted;
                }));
            }
            go.countDown();
            int admitted = 0;
            for (Future<Boolean> attempt : attempts) {
                admitted += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return admitted;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientsQuietForAnHourArePurgedTheAccountIsKept() throws Exception {
        for (int i = 1; i <= 30; i++) {
            wrongPassword(ip("203.0.113." + i));
        }
        clock.advance(LoginThrottle.FORGET_AFTER.plusMinutes(1));
        wrongPassword(GUESSER);
        LoginThrottle later = new LoginThrottle(database, clock); // another server: its first admission purges

        assertThat(later.admit(ADMIN_OFFICE)).isEmpty();

        assertThat(rows()).extracting(row -> row.split("\\|")[0]).containsExactlyInAnyOrder("account", "client 198.51.100.7",
                "client 192.0.2.10");
    }

    @Test
    void withoutATestClockTheDatabasesClockCounts() throws Exception {
        LoginThrottle onDatabaseTime = new LoginThrottle(database, null);
        long before = System.currentTimeMillis();

        assertThat(onDatabaseTime.admit(GUESSER)).isEmpty();
        onDatabaseTime.failed(GUESSER);

        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT LAST_AT FROM LOGIN_FAILURE WHERE SUBJECT = 'account'")) {
            r.next();
            assertThat(r.getLong(1)).isBetween(before - 60_000, System.currentTimeMillis() + 60_000);
        }
    }

    @Test
    void noPasswordOrUsernameIsStored() throws Exception {
        wrongPassword(GUESSER);
        assertThat(rows()).allSatisfy(row -> assertThat(row).matches("(account|client [0-9a-f.:/]+)\\|\\d+\\|\\d+\\|\\d+"));
    }

    private List<String> rows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT SUBJECT, FAILURES, LAST_AT, NOT_BEFORE FROM LOGIN_FAILURE ORDER BY SUBJECT")) {
            while (r.next()) {
                rows.add(r.getString(1) + "|" + r.getInt(2) + "|" + r.getLong(3) + "|" + r.getLong(4));
            }
        }
        return rows;
    }
}

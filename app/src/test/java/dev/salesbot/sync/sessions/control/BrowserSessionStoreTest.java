package dev.salesbot.sync.sessions.control;

import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.testing.FakeClock;
import dev.salesbot.sync.testing.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Browser sessions on the real schema (H2 in memory, migrated by the product's changelog), as two
 * servers see them: two stores on one database, with a clock that moves only when told.
 */
class BrowserSessionStoreTest {

    final FakeClock clock = new FakeClock();
    JdbcDataSource database;
    BrowserSessionStore serverA;
    BrowserSessionStore serverB;

    @BeforeEach
    void migratedDatabase() throws Exception {
        database = MigratedH2.fresh();
        serverA = new BrowserSessionStore(database, clock);
        serverB = new BrowserSessionStore(database, clock);
    }

    private void advance(Duration duration) {
        clock.sleeper().sleep(duration);
    }

    @Test
    void aSessionMadeOnOneServerIsFoundOnTheOtherWithWhomItActsFor() {
        UUID merchant = UUID.randomUUID();
        serverA.create("h1", "csrf-1");
        serverA.actFor("h1", merchant);
        serverA.admin("h1", "admin");

        StoredSession found = serverB.find("h1").orElseThrow();

        assertThat(found.merchant()).contains(merchant);
        assertThat(found.admin()).contains("admin");
        assertThat(found.csrfToken()).isEqualTo("csrf-1");
        assertThat(serverB.find("never-made")).isEmpty();
    }

    @Test
    void aSessionEndsThirtyMinutesAfterItsLastRequestAndTwelveHoursAfterItWasMade() {
        serverA.create("idle", "c");
        advance(BrowserSessionStore.IDLE.minusSeconds(1));
        assertThat(serverB.find("idle")).as("used just in time").isPresent();
        advance(BrowserSessionStore.IDLE.minusSeconds(1));
        assertThat(serverB.find("idle")).as("the request before moved its end").isPresent();
        advance(BrowserSessionStore.IDLE);
        assertThat(serverA.find("idle")).as("idle too long").isEmpty();

        serverA.create("busy", "c");
        for (Duration used = Duration.ZERO; used.compareTo(BrowserSessionStore.LIFETIME) < 0; used = used.plusMinutes(20)) {
            assertThat(serverA.find("busy")).as("in use after " + used).isPresent();
            advance(Duration.ofMinutes(20));
        }
        assertThat(serverA.find("busy")).as("past its lifetime however busy").isEmpty();
        assertThat(count("select count(*) from BROWSER_SESSION")).as("ended rows are deleted when found").isZero();
    }

    @Test
    void theLastSeenTimeIsWrittenAtMostOnceAMinute() {
        serverA.create("h", "c");
        long made = lastSeen("h");
        advance(Duration.ofSeconds(59));
        serverA.find("h");
        assertThat(lastSeen("h")).isEqualTo(made);
        advance(Duration.ofSeconds(1));
        serverA.find("h");
        assertThat(lastSeen("h")).isEqualTo(made + 60_000);
    }

    @Test
    void rotationMovesTheSessionToANewIdAndTokenAndDropsItsStates() {
        UUID merchant = UUID.randomUUID();
        serverA.create("old", "csrf-old");
        serverA.actFor("old", merchant);
        serverA.flash("old", "Disconnected.");
        serverA.remember("old", "n1");

        StoredSession moved = serverB.rotate("old", "new", "csrf-new").orElseThrow();

        assertThat(moved.merchant()).contains(merchant);
        assertThat(moved.csrfToken()).isEqualTo("csrf-new");
        assertThat(serverA.find("old")).as("the old id is worth nothing").isEmpty();
        assertThat(serverA.find("new")).isPresent();
        assertThat(serverA.takeFlash("new")).contains("Disconnected.");
        assertThat(serverA.consume("new", "n1")).as("a state bound to the old id").isFalse();
        assertThat(serverA.consume("old", "n1")).isFalse();
        assertThat(serverA.rotate("gone", "other", "c")).as("an ended session is not revived").isEmpty();
    }

    @Test
    void aStateIsUsedOnceOnWhicheverServerAndOnlyByItsSession() {
        serverA.create("mine", "c");
        serverA.create("theirs", "c");
        serverA.remember("mine", "n1");

        assertThat(serverB.consume("theirs", "n1")).as("another session's").isFalse();
        assertThat(serverB.consume("mine", "n1")).isTrue();
        assertThat(serverA.consume("mine", "n1")).as("used").isFalse();
    }

    @Test
    void twoServersConsumingOneStateAtOnceOneWins() throws Exception {
        serverA.create("s", "c");
        ExecutorService callbacks = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String nonce = "n" + round;
                serverA.remember("s", nonce);
                List<Callable<Boolean>> both = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    BrowserSessionStore server = i % 2 == 0 ? serverA : serverB;
                    both.add(() -> server.consume("s", nonce));
                }
                long won = 0;
                for (Future<Boolean> f : callbacks.invokeAll(both, 30, TimeUnit.SECONDS)) {
                    won += f.get() ? 1 : 0;
                }
                assertThat(won).as("round " + round).isEqualTo(1);
            }
        } finally {
            callbacks.shutdownNow();
        }
    }

    @Test
    void aSessionKeepsItsSixteenNewestStates() {
        serverA.create("s", "c");
        for (int i = 0; i < BrowserSessionStore.MAX_PENDING + 1; i++) {
            serverA.remember("s", "n" + i);
            advance(Duration.ofMillis(1));
        }
        assertThat(serverA.consume("s", "n0")).as("the oldest, dropped").isFalse();
        assertThat(serverA.consume("s", "n1")).isTrue();
        assertThat(serverA.consume("s", "n" + BrowserSessionStore.MAX_PENDING)).isTrue();
    }

    @Test
    void aMessageIsShownOnce() {
        serverA.create("s", "c");
        serverA.flash("s", "x".repeat(3000));
        assertThat(serverB.takeFlash("s")).get().asString().hasSize(2000).endsWith("…");
        assertThat(serverA.takeFlash("s")).isEmpty();
    }

    @Test
    void endedSessionsAndTheirStatesArePurged() {
        serverA.create("ended", "c");
        serverA.remember("ended", "n-ended");
        advance(BrowserSessionStore.IDLE.plusMinutes(1));
        serverA.create("live", "c");
        assertThat(count("select count(*) from BROWSER_SESSION")).as("made, the other purged").isEqualTo(1);
        assertThat(count("select count(*) from BROWSER_SESSION_STATE")).isZero();
        serverA.delete("live");
        assertThat(serverA.find("live")).isEmpty();
    }

    @Test
    void withoutItsDatabaseASessionIsRefusedAs503NeverGuessed() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:never-made;IFEXISTS=TRUE");
        BrowserSessionStore down = new BrowserSessionStore(missing, clock);

        assertThatThrownBy(() -> down.find("h")).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.kind()).isEqualTo(Refusal.Kind.UPSTREAM_BUSY);
            assertThat(e.slug()).isEqualTo("sessions-unavailable");
        });
        assertThatThrownBy(() -> down.consume("h", "n")).isInstanceOf(Refusal.class);
    }

    private long lastSeen(String idHash) {
        return count("select LAST_SEEN_AT from BROWSER_SESSION where ID_HASH = '" + idHash + "'");
    }

    private long count(String sql) {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

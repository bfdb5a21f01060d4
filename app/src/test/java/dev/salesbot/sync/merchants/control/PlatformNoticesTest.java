package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.testing.FakeClock;
import dev.salesbot.sync.testing.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 24: a notice for the operators, on the migrated schema, as two servers see it. */
class PlatformNoticesTest {

    final FakeClock clock = new FakeClock();
    PlatformNotices serverA;
    PlatformNotices serverB;

    @BeforeEach
    void migratedDatabase() throws Exception {
        JdbcDataSource database = MigratedH2.fresh();
        serverA = new PlatformNotices(database, clock);
        serverB = new PlatformNotices(database, clock);
    }

    @Test
    void aNoticeRaisedOnOneServerHoldsOnEveryServerUntilItIsDueToBeTriedAgain() {
        serverA.raise(PlatformNotices.SHOPIFY_BULK_QUERIES, "Enable bulk queries.", Duration.ofHours(6));

        assertThat(serverB.holds(PlatformNotices.SHOPIFY_BULK_QUERIES)).isTrue();
        assertThat(serverB.all()).singleElement().satisfies(n -> {
            assertThat(n.message()).isEqualTo("Enable bulk queries.");
            assertThat(Duration.between(n.since(), n.retryAt())).isEqualTo(Duration.ofHours(6));
        });

        clock.sleeper().sleep(Duration.ofHours(6));
        assertThat(serverB.holds(PlatformNotices.SHOPIFY_BULK_QUERIES)).as("due: bulk is tried again").isFalse();
        assertThat(serverB.all()).as("still shown until the platform agrees").hasSize(1);
    }

    @Test
    void aRefusalAgainRenewsTheNoticeAndKeepsWhenItBegan() {
        serverA.raise(PlatformNotices.SHOPIFY_BULK_QUERIES, "first", Duration.ofHours(6));
        var since = serverA.all().get(0).since();
        clock.sleeper().sleep(Duration.ofHours(7));

        serverB.raise(PlatformNotices.SHOPIFY_BULK_QUERIES, "again", Duration.ofHours(6));

        assertThat(serverA.holds(PlatformNotices.SHOPIFY_BULK_QUERIES)).isTrue();
        assertThat(serverA.all()).singleElement().satisfies(n -> {
            assertThat(n.since()).isEqualTo(since);
            assertThat(n.message()).isEqualTo("again");
        });
    }

    @Test
    void aSuccessClearsIt() {
        serverA.raise(PlatformNotices.SHOPIFY_BULK_QUERIES, "m", Duration.ofHours(6));

        serverB.clear(PlatformNotices.SHOPIFY_BULK_QUERIES);

        assertThat(serverA.all()).isEmpty();
        assertThat(serverA.holds(PlatformNotices.SHOPIFY_BULK_QUERIES)).isFalse();
    }
}

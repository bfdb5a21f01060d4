package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.testing.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A launch opens a session once, on the migrated schema, as two servers see it. */
class UsedLaunchesTest {

    static final long LATER = System.currentTimeMillis() + 600_000;

    JdbcDataSource database;
    UsedLaunches serverA;
    UsedLaunches serverB;

    @BeforeEach
    void migratedDatabase() throws Exception {
        database = MigratedH2.fresh();
        serverA = new UsedLaunches(database);
        serverB = new UsedLaunches(database);
    }

    @Test
    void aLaunchIsFirstUsedOnceOnEveryServerAndAnotherLaunchIsItsOwn() throws Exception {
        assertThat(serverA.firstUse("a1b2", LATER)).isTrue();
        assertThat(serverA.firstUse("a1b2", LATER)).as("again on the same server").isFalse();
        assertThat(serverB.firstUse("a1b2", LATER)).as("again on another server").isFalse();
        assertThat(serverB.firstUse("c3d4", LATER)).isTrue();
        assertThat(column("DIGEST")).as("only digests are kept").hasSize(2).noneMatch(d -> d.contains("a1b2") || d.contains("c3d4"))
                .allMatch(d -> d.matches("[0-9a-f]{64}"));
    }

    @Test
    void twoServersGivenTheSameLaunchAtOnceLetOneOfThemUseIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                UsedLaunches server = i % 2 == 0 ? serverA : serverB;
                uses.add(pool.submit((Callable<Boolean>) () -> server.firstUse("race", LATER)));
            }
            int first = 0;
            for (Future<Boolean> use : uses) {
                first += use.get() ? 1 : 0;
            }
            assertThat(first).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredLaunchesAreForgottenAtTheNextUse() throws Exception {
        long past = System.currentTimeMillis() - 1_000;
        assertThat(serverA.firstUse("old", past)).isTrue();
        assertThat(serverA.firstUse("new", LATER)).isTrue();

        assertThat(column("EXPIRES_AT")).containsExactly(Long.toString(LATER));
    }

    @Test
    void withoutItsDatabaseNoLaunchIsTakenForAFirstUse() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:never-made;IFEXISTS=TRUE");

        assertThatThrownBy(() -> new UsedLaunches(missing).firstUse("a1b2", LATER)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Could not record the launch's use");
    }

    private List<String> column(String name) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT " + name + " FROM USED_LAUNCH")) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}

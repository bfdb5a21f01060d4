package dev.salesbot.sync.webhooks.control;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The step that makes a committed batch durable, on a real H2 file. */
class DurabilityTest {

    /** H2 on a file in {@code dir}; the creator (sa) holds commits in memory for a minute. */
    private static JdbcDataSource h2(Path dir, String user) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:" + dir.resolve("db") + ("sa".equals(user) ? ";WRITE_DELAY=60000" : ""));
        ds.setUser(user);
        ds.setPassword("");
        return ds;
    }

    @Test
    void onH2ACommittedChangeSurvivesAKillOnceFlushReturned() throws Exception {
        assertThat(rowsAfterAKill(false)).as("H2 alone: the commit was still in memory").isZero();
        assertThat(rowsAfterAKill(true)).isEqualTo(500);
    }

    /** Commits 500 rows, flushes them or not, then closes the database as a killed process would: nothing more written. */
    private static long rowsAfterAKill(boolean flush) throws Exception {
        Path dir = Files.createTempDirectory("durability");
        JdbcDataSource ds = h2(dir, "sa");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY)");
            s.execute("CHECKPOINT"); // the empty table is in the file either way
            s.execute("INSERT INTO T SELECT X FROM SYSTEM_RANGE(1, 500)"); // committed (auto-commit)
            if (flush) {
                new Durability(ds).flush();
            }
            s.execute("SHUTDOWN IMMEDIATELY");
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM T")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aUserWithoutH2sAdminRightIsToldOnceAndDeliveriesAreNotRefusedForIt() throws Exception {
        Path dir = Files.createTempDirectory("durability");
        JdbcDataSource admin = h2(dir, "sa");
        try (Connection keepOpen = admin.getConnection(); Statement s = keepOpen.createStatement()) {
            s.execute("CREATE USER APP PASSWORD ''");
            JdbcDataSource app = h2(dir, "APP");
            try (Connection c = app.getConnection(); Statement checkpoint = c.createStatement()) {
                assertThatCode(() -> checkpoint.execute("CHECKPOINT")).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(Durability.H2_ADMIN_RIGHTS_REQUIRED));
            }
            Durability durability = new Durability(app);
            java.util.List<java.util.logging.LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.logging.Logger log = java.util.logging.Logger.getLogger(Durability.class.getName());
            java.util.logging.Handler handler = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord r) {
                    if (r.getLevel() == java.util.logging.Level.WARNING) {
                        warnings.add(r);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            log.addHandler(handler);
            try {
                assertThatCode(durability::flush).doesNotThrowAnyException();
                assertThatCode(durability::flush).doesNotThrowAnyException();
            } finally {
                log.removeHandler(handler);
            }
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getMessage()).contains("no admin right").contains("WRITE_DELAY");
        }
    }
}

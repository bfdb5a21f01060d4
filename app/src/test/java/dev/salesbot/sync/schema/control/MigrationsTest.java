package dev.salesbot.sync.schema.control;

import dev.salesbot.sync.config.StartupState;
import dev.salesbot.sync.storage.control.StorageKey;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations on H2 (the embedded default), without a server: an empty database is created by
 * the changesets alone; release 0.1.0's database, as captured from that release, is adopted in
 * place with its rows (and the storage keys of its connections recorded); a changeset that fails and a database from a newer version keep the server
 * out of service and change no row. (PostgreSQL: {@code UpgradeIT}.)
 */
class MigrationsTest {

    static final Path RELEASE_0_1_0 = Path.of("src/test/resources/upgrade/0.1.0/h2.sql");

    final StartupState startup = new StartupState();
    JdbcDataSource database;

    @BeforeEach
    void freshDatabase() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void createsAnEmptyDatabaseFromTheChangesetsAlone() throws SQLException {
        migrate();

        assertThat(startup.isMigrated()).isTrue();
        assertThat(tables()).contains("SHOPIFY_CONNECTION", "FACEBOOK_PAGE_CONNECTION", "SYNC_REQUEST", "SYNC_LEASE", "POLL_SLOT",
                "WEBHOOK_DELIVERY", "TARGET_STATUS", "SYNC_PROGRESS", "SHOPIFY_BULK_OPERATION", "FACEBOOK_DATA_DELETION", "STORAGE_OBJECT",
                "LOGIN_FAILURE");
        assertThat(count("SELECT COUNT(*) FROM STORAGE_OBJECT")).as("no connection, no key").isZero();
        assertThat(indexes("SYNC_REQUEST")).contains("SYNC_REQUEST_DUE", "SYNC_REQUEST_FINISHED");
    }

    @Test
    void adoptsTheDatabaseRelease010LeftWithEveryRow() throws SQLException {
        execute("RUNSCRIPT FROM '" + RELEASE_0_1_0.toAbsolutePath() + "'");
        List<String> before = rows("SELECT ID, SHOP, ACCESS_TOKEN_SEALED, STATUS FROM SHOPIFY_CONNECTION");

        migrate();

        assertThat(startup.isMigrated()).isTrue();
        assertThat(rows("SELECT ID, SHOP, ACCESS_TOKEN_SEALED, STATUS FROM SHOPIFY_CONNECTION")).isEqualTo(before).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM FACEBOOK_PAGE_CONNECTION")).isEqualTo(3);
        assertThat(rows("SELECT ID, EXECTYPE FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")).first().asString()
                .startsWith("0.1.0-webhook-delivery|MARK_RAN");
        assertThat(rows("SELECT EXECTYPE FROM DATABASECHANGELOG WHERE ID = '0.2.0-sync-request-finished'")).containsExactly("EXECUTED");
        assertThat(rows("SELECT EXECTYPE FROM DATABASECHANGELOG WHERE ID = '0.3.0-login-failure'")).containsExactly("EXECUTED");
        assertThat(indexes("SYNC_REQUEST")).contains("SYNC_REQUEST_FINISHED");
        assertThat(rows("SELECT OBJECT_KEY, TARGET_KIND, TARGET, WRITES FROM STORAGE_OBJECT ORDER BY OBJECT_KEY"))
                .as("the keys of each connection's current merchant, as StorageKey builds them")
                .containsExactlyInAnyOrderElementsOf(currentKeys()).hasSize(5);

        migrate(); // every later start: nothing left to do
        assertThat(startup.isMigrated()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(declared());
    }

    @Test
    void aChangesetThatFailsKeepsTheServerOutOfServiceAndChangesNoRow() throws SQLException {
        execute("RUNSCRIPT FROM '" + RELEASE_0_1_0.toAbsolutePath() + "'");
        // An index of that name already, on another column: 0.2.0's changeset cannot create its own.
        execute("CREATE INDEX SYNC_REQUEST_FINISHED ON SYNC_REQUEST(TARGET)");
        List<String> connections = rows("SELECT * FROM SHOPIFY_CONNECTION");
        List<String> requests = rows("SELECT * FROM SYNC_REQUEST");

        migrate();

        assertThat(startup.isMigrated()).isFalse();
        assertThat(startup.reasons()).singleElement().asString()
                .contains("could not be migrated", "0.2.0-sync-request-finished", "SYNC_REQUEST_FINISHED");
        assertThat(rows("SELECT * FROM SHOPIFY_CONNECTION")).isEqualTo(connections);
        assertThat(rows("SELECT * FROM SYNC_REQUEST")).isEqualTo(requests);
        assertThat(count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '0.2.0-sync-request-finished'")).isZero();
    }

    @Test
    void aDatabaseANewerVersionMigratedIsRefusedUntouched() throws SQLException {
        migrate();
        execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM)"
                + " VALUES ('9.9.9-from-a-later-release', 'salesbot-sync', 'db/9.9.9.xml', CURRENT_TIMESTAMP, 99, 'EXECUTED', NULL)");
        List<String> changelog = rows("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
        StartupState restarted = new StartupState();

        migrate(restarted);

        assertThat(restarted.isMigrated()).isFalse();
        assertThat(restarted.reasons()).singleElement().asString().contains("newer version", "9.9.9-from-a-later-release");
        assertThat(rows("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")).isEqualTo(changelog);
    }

    @Test
    void aStartWithNothingToMigrateReadsOneTableAndSkipsLiquibase() throws SQLException {
        execute("RUNSCRIPT FROM '" + RELEASE_0_1_0.toAbsolutePath() + "'");
        try (Connection c = database.getConnection()) {
            assertThat(new Migrations().upToDate(c)).as("0.1.0's database, never migrated").isFalse();
        }
        migrate();
        try (Connection c = database.getConnection()) {
            assertThat(new Migrations().upToDate(c)).as("every declared changeset ran, as Liquibase records it").isTrue();
        }
        execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM)"
                + " VALUES ('9.9.9-from-a-later-release', 'salesbot-sync', 'db/9.9.9.xml', CURRENT_TIMESTAMP, 99, 'EXECUTED', NULL)");
        try (Connection c = database.getConnection()) {
            assertThat(new Migrations().upToDate(c)).as("one changeset more: Liquibase refuses it").isFalse();
        }
        execute("DELETE FROM DATABASECHANGELOG WHERE ID = '9.9.9-from-a-later-release'");
        execute("DELETE FROM DATABASECHANGELOG WHERE ID = '0.2.0-sync-request-finished'");
        try (Connection c = database.getConnection()) {
            assertThat(new Migrations().upToDate(c)).as("one changeset missing: Liquibase runs it").isFalse();
        }
    }

    /** Several servers starting at once on an empty database: Liquibase's lock lets one migrate, the others wait for it. */
    @Test
    void serversStartingAtOnceMigrateOnceAndAllBecomeReady() throws Exception {
        int servers = 3;
        List<StartupState> states = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                StartupState state = new StartupState();
                states.add(state);
                started.add(pool.submit(() -> {
                    go.await();
                    migrate(state);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : started) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(states).allSatisfy(state -> assertThat(state.isMigrated()).as(String.valueOf(state.reasons())).isTrue());
        assertThat(count("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(declared());
        assertThat(count("SELECT COUNT(DISTINCT ID) FROM DATABASECHANGELOG")).isEqualTo(declared());
        assertThat(count("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED")).as("the lock given back").isZero();
    }

    @Test
    void anEmptyDatabaseIsNotUpToDate() throws SQLException {
        try (Connection c = database.getConnection()) {
            assertThat(new Migrations().upToDate(c)).isFalse();
        }
    }

    /**
     * A released changelog file is never edited: a database that ran it would not run the edit, and
     * a start with nothing to migrate does not ask Liquibase to compare checksums. A new release
     * adds a file (and a line here); it never changes one.
     */
    @Test
    void releasedChangelogFilesAreNeverEdited() throws Exception {
        assertThat(sha256("db/0.1.0-baseline.xml")).isEqualTo("b90e9fe0941805870041d0f519882e296c26654569e7329848025b9bc08383a9");
        assertThat(sha256("db/0.2.0.xml")).isEqualTo("90175e15c566968902a82d35c61528520def88c212db2235f319df7a75086e52");
    }

    /** How many changesets the changelog declares: every one runs once. */
    private static int declared() {
        try {
            return ChangeLog.declared(Migrations.class.getClassLoader(), Migrations.CHANGELOG).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(String resource) throws Exception {
        try (var in = MigrationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    /** What STORAGE_OBJECT must hold after the upgrade, built in Java by {@link StorageKey} from the connections' rows. */
    private List<String> currentKeys() throws SQLException {
        List<String> keys = new ArrayList<>();
        for (String row : rows("SELECT MERCHANT_ID, PAGE_ID FROM FACEBOOK_PAGE_CONNECTION")) {
            String[] v = row.split("\\|");
            keys.add(StorageKey.facebookPage(UUID.fromString(v[0]), v[1]) + "|FACEBOOK_PAGE|" + v[1] + "|0");
        }
        for (String row : rows("SELECT MERCHANT_ID, SHOP FROM SHOPIFY_CONNECTION")) {
            String[] v = row.split("\\|");
            keys.add(StorageKey.shopifySnapshot(UUID.fromString(v[0])) + "|SHOPIFY_STORE|" + v[1] + "|0");
            keys.add(StorageKey.shopifyDigest(UUID.fromString(v[0])) + "|SHOPIFY_STORE|" + v[1] + "|0");
        }
        return keys;
    }

    private void migrate() {
        migrate(startup);
    }

    private void migrate(StartupState state) {
        Migrations migrations = new Migrations();
        migrations.dataSource = database;
        migrations.startup = state;
        migrations.migrate();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Each row as its values joined by {@code |}, in the query's order. */
    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(r.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private List<String> tables() throws SQLException {
        return rows("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
    }

    private List<String> indexes(String table) throws SQLException {
        return rows("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = '" + table + "'");
    }
}

package dev.salesbot.sync.schema.control;

import dev.salesbot.sync.config.StartupState;
import jakarta.ejb.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import liquibase.Contexts;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the database schema to this version's at start-up, before anything else uses a table
 * (the package notes say how). Bean-managed transactions: Liquibase commits each changeset itself.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    static final String CHANGELOG = "db/changelog.xml";
    static final long LOCK_POLL_SECONDS = 1;
    private static final System.Logger LOGGER = System.getLogger(Migrations.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    StartupState startup;

    @PostConstruct
    void migrate() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (upToDate(connection)) {
                LOGGER.log(System.Logger.Level.INFO, "Database schema up to date: nothing to migrate (checked in {0} ms)",
                        (System.nanoTime() - started) / 1_000_000);
                startup.passed("schema");
                return;
            }
            prepareLock(connection);
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // The lock first, before Liquibase reads its history: a history read while another
            // server migrates is stale once the lock is ours, and would run the changesets twice.
            // A server that waits for another's migration looks again every second, not every ten.
            Scope.child(Map.of(GlobalConfiguration.CHANGELOGLOCK_POLL_RATE.getKey(), LOCK_POLL_SECONDS), () -> {
                LockService lock = LockServiceFactory.getInstance().getLockService(database);
                lock.waitForLock();
                try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database)) {
                    try {
                        update(liquibase, connection, started);
                    } finally {
                        if (lock.hasChangeLogLock()) { // update() gives it back itself; never free another server's
                            lock.releaseLock();      // (and before close(), which closes the connection)
                        }
                    }
                }
            });
        } catch (Exception e) {
            refuse("The database schema could not be migrated: " + causes(e)
                    + ". The server stays out of service; fix the cause and start it again.", e);
        }
    }

    private void update(Liquibase liquibase, Connection connection, long started) throws Exception {
        if (upToDate(connection)) {
            LOGGER.log(System.Logger.Level.INFO, "Database schema up to date: another server migrated it while this one waited ({0} ms)",
                    (System.nanoTime() - started) / 1_000_000);
            startup.passed("schema");
            return;
        }
        Collection<RanChangeSet> unknown = liquibase.listUnexpectedChangeSets(new Contexts(), new LabelExpression());
        if (!unknown.isEmpty()) {
            List<String> ids = unknown.stream().map(RanChangeSet::getId).sorted().toList();
            refuse("The database was migrated by a newer version of salesbot-sync (changesets " + String.join(", ", ids)
                    + " are unknown to this one): deploy that version or a later one; nothing was changed.", null);
            return;
        }
        List<String> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
                .map(ChangeSet::getId).toList();
        liquibase.update(new Contexts(), new LabelExpression());
        LOGGER.log(System.Logger.Level.INFO, "Database schema up to date: {0} changeset(s) run or adopted ({1}) in {2} ms",
                pending.size(), String.join(", ", pending), (System.nanoTime() - started) / 1_000_000);
        startup.passed("schema");
    }

    /**
     * Whether the database has run exactly the changesets this version declares, no fewer and no
     * more: then there is nothing to do, and the start (every start but the first after an
     * upgrade) skips Liquibase, which costs seconds to load and parse. Anything else, or any doubt
     * (no {@code DATABASECHANGELOG} yet, an unreadable changelog), is Liquibase's to handle: it
     * migrates under its lock, waits for another server's migration, or refuses a newer database.
     * A released file is never edited (a test pins each one's digest), so Liquibase's checksum
     * check has nothing to find on this path.
     */
    boolean upToDate(Connection connection) {
        Set<ChangeLog.Entry> declared;
        try {
            declared = ChangeLog.declared(Migrations.class.getClassLoader(), CHANGELOG);
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Reading " + CHANGELOG + " without Liquibase failed; Liquibase will: " + e.getMessage());
            return false;
        }
        Set<ChangeLog.Entry> ran = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT FILENAME, ID, AUTHOR FROM DATABASECHANGELOG")) {
            while (rows.next()) {
                ran.add(new ChangeLog.Entry(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        } catch (SQLException e) {
            endFailedTransaction(connection); // PostgreSQL refuses every later statement of a failed transaction
            return false; // no DATABASECHANGELOG: a database no version of Liquibase has seen yet
        }
        return ran.equals(declared);
    }

    /**
     * Liquibase's lock table, created and filled here, idempotently, before Liquibase looks at it.
     * Liquibase creates and fills it outside its lock, and fills it with a delete and an insert: a
     * server doing that while another holds the lock wipes the other's lock, and both migrate
     * (liquibase/liquibase#1584; {@code MigrationsTest} starts three servers at once). Found ready,
     * the table is never initialised by Liquibase. Each statement may fail because another server
     * did the same at the same moment, which is the state wanted; Liquibase reports anything else.
     * The same columns as Liquibase's own table, in SQL that H2 and PostgreSQL share.
     */
    static void prepareLock(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS DATABASECHANGELOGLOCK (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL,"
                    + " LOCKGRANTED TIMESTAMP, LOCKEDBY VARCHAR(255), CONSTRAINT PK_DATABASECHANGELOGLOCK PRIMARY KEY (ID))");
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Lock table not created here (another server did): {0}", e.getMessage());
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO DATABASECHANGELOGLOCK (ID, LOCKED) VALUES (1, FALSE)");
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Lock row there already: {0}", e.getMessage());
        }
    }

    private static void endFailedTransaction(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // nothing of ours in it: Liquibase committed the lock it took
            }
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Rolling back a failed read of DATABASECHANGELOG failed: " + e.getMessage());
        }
    }

    private void refuse(String reason, Exception cause) {
        LOGGER.log(System.Logger.Level.ERROR, reason, cause);
        startup.refuse("schema", reason);
    }

    /** Each distinct message of the chain, outermost first: Liquibase names the changeset, the driver the error. */
    static String causes(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null && messages.size() < 5; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (messages.stream().noneMatch(seen -> seen.contains(m))) {
                messages.add(m);
            }
        }
        return String.join(": ", messages);
    }
}

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
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
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
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database)) {
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
            }
            startup.passed("schema");
        } catch (Exception e) {
            refuse("The database schema could not be migrated: " + causes(e)
                    + ". The server stays out of service; fix the cause and start it again.", e);
        }
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
            return false; // no DATABASECHANGELOG: a database no version of Liquibase has seen yet
        }
        return ran.equals(declared);
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

/**
 * The database schema, versioned: Liquibase runs {@code db/changelog.xml} (one file per release,
 * never edited once released) when the application starts, before the sync worker, the poll or any
 * request touches a table.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>{@link dev.salesbot.sync.schema.control.Migrations}, a start-up singleton, migrates and only
 * then tells {@code config.StartupState} the schema is ready; until then the worker and the poll wait and
 * requests answer 503.</li>
 * <li>Release 0.1.0's schema is the baseline: a table that exists already belongs to a database
 * 0.1.0 made, and is adopted as it is; an empty database is created by the changesets alone. JPA
 * never creates or alters a table.</li>
 * <li>A start with nothing to migrate does not start Liquibase: {@code ChangeLog} reads the
 * changesets the changelog declares (JDK XML parser), and when {@code DATABASECHANGELOG} holds
 * exactly those, the schema is this version's. Any difference, or any doubt, goes to Liquibase. A
 * released changelog file is never edited ({@code MigrationsTest} pins each file's digest), so
 * Liquibase's checksum check would have nothing to find.</li>
 * <li>Several servers starting at once: Liquibase's lock ({@code DATABASECHANGELOGLOCK}) lets one
 * migrate while the others wait for it, looking again every second. The lock is taken before Liquibase reads its history, and
 * the history is read again once it is held: a server that waited finds the schema migrated and
 * runs nothing (Liquibase alone reads the history first and would run every changeset again,
 * liquibase/liquibase#5254). Its lock table is created and filled by {@code Migrations} before
 * Liquibase looks: Liquibase's own initialisation of it (a delete and an insert, outside the lock)
 * can wipe another server's lock (liquibase/liquibase#1584). {@code MigrationsTest} starts three
 * servers at once.</li>
 * <li>A changeset that fails, or a database that a newer version migrated (changesets this version
 * does not know: a downgrade), keeps the server out of service — readiness DOWN naming the
 * changeset and the error, the worker and requests stopped — and changes no row. Each changeset is
 * one change, so one that fails leaves nothing half done, even on H2, whose DDL is not
 * transactional.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> Liquibase rather than Flyway: its changelog names every file it runs, so
 * nothing depends on scanning the class path, which differs between Payara's and WildFly's class
 * loaders (Flyway's scanning has had trouble with WildFly's virtual file system); its XML changes are
 * written once for H2 and PostgreSQL alike. It runs on the default datasource with its own commits
 * (bean-managed transactions). Liquibase 4.33, the last release under an open-source licence.
 */
package dev.salesbot.sync.schema;

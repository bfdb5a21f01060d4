package dev.salesbot.sync.testing;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.h2.jdbcx.JdbcDataSource;

import java.sql.Connection;
import java.util.UUID;

/** A new in-memory H2 database with the product's schema, migrated by its own changelog, for unit tests that run its SQL. */
public final class MigratedH2 {

    private MigratedH2() {
    }

    public static JdbcDataSource fresh() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        try (Connection c = database.getConnection();
             Liquibase liquibase = new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(),
                     DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)))) {
            liquibase.update(new Contexts(), new LabelExpression());
        }
        return database;
    }
}

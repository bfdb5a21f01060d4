package dev.salesbot.sync.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one clock every server shares: the database's. Leases, failed logins, browser sessions and
 * shared bucket reports are timed by it, so the servers' own clocks never matter. The expression
 * is SQL that H2 and PostgreSQL both speak, and is a number whatever the driver's time types.
 */
public final class DatabaseClock {

    /** The database's now, in epoch milliseconds, as an SQL expression. */
    public static final String MILLIS = "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";

    private DatabaseClock() {
    }

    /** The database's now, in epoch milliseconds, read on {@code connection}. */
    public static long millis(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + MILLIS); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}

package dev.salesbot.sync.admin.control;

import dev.salesbot.sync.config.DatabaseClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code LOGIN_FAILURE} statements of {@link LoginThrottle}, on one connection in one
 * transaction. Plain SQL that H2 and PostgreSQL read alike. Every transaction that writes a row
 * first locks the account's row ({@link #lockAccount}), so the servers' decisions on logins take
 * turns, each a few statements long.
 */
final class LoginFailureRows {

    static final String ACCOUNT = "account";
    private static final int LOCK_WAIT_SECONDS = 10;

    /** One subject's failures, the last one's time and when its next attempt may be checked (epoch ms). */
    record Count(int failures, long lastAt, long notBefore) {

        static final Count NONE = new Count(0, 0, 0);
    }

    private final Connection connection;

    LoginFailureRows(Connection connection) {
        this.connection = connection;
    }

    /** The database's clock, in epoch milliseconds: the one every server reads. */
    long now() throws SQLException {
        return DatabaseClock.millis(connection);
    }

    /**
     * The account's row, locked until the transaction ends; inserted (empty) if there is none. Two
     * first attempts that both insert it: the primary key refuses one, whose caller starts again.
     */
    Count lockAccount() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT FAILURES, LAST_AT, NOT_BEFORE FROM LOGIN_FAILURE WHERE SUBJECT = ? FOR UPDATE")) {
            s.setString(1, ACCOUNT);
            s.setQueryTimeout(LOCK_WAIT_SECONDS);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return new Count(r.getInt(1), r.getLong(2), r.getLong(3));
                }
            }
        }
        insert(ACCOUNT, Count.NONE);
        return Count.NONE;
    }

    Count read(String subject) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT FAILURES, LAST_AT, NOT_BEFORE FROM LOGIN_FAILURE WHERE SUBJECT = ?")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Count(r.getInt(1), r.getLong(2), r.getLong(3)) : Count.NONE;
            }
        }
    }

    void write(String subject, Count count) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE LOGIN_FAILURE SET FAILURES = ?, LAST_AT = ?, NOT_BEFORE = ? WHERE SUBJECT = ?")) {
            s.setInt(1, count.failures());
            s.setLong(2, count.lastAt());
            s.setLong(3, count.notBefore());
            s.setString(4, subject);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        insert(subject, count);
    }

    void delete(String subject) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM LOGIN_FAILURE WHERE SUBJECT = ?")) {
            s.setString(1, subject);
            s.executeUpdate();
        }
    }

    /** Deletes at most {@code limit} clients' rows whose last failure is before {@code before}; answers how many. */
    int purge(long before, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM LOGIN_FAILURE WHERE SUBJECT IN (SELECT SUBJECT FROM LOGIN_FAILURE"
                + " WHERE SUBJECT <> ? AND LAST_AT < ? FETCH FIRST " + limit + " ROWS ONLY)")) {
            s.setString(1, ACCOUNT);
            s.setLong(2, before);
            return s.executeUpdate();
        }
    }

    private void insert(String subject, Count count) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO LOGIN_FAILURE (SUBJECT, FAILURES, LAST_AT, NOT_BEFORE) VALUES (?, ?, ?, ?)")) {
            s.setString(1, subject);
            s.setInt(2, count.failures());
            s.setLong(3, count.lastAt());
            s.setLong(4, count.notBefore());
            s.executeUpdate();
        }
    }
}

package dev.salesbot.sync.sessions.control;

import dev.salesbot.sync.config.DatabaseClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code BROWSER_SESSION} and {@code BROWSER_SESSION_STATE} statements of
 * {@link BrowserSessionStore}, on one connection in one transaction. Plain SQL that H2 and
 * PostgreSQL read alike.
 */
final class SessionRows {

    private static final String COLUMNS = "ID_HASH, CREATED_AT, LAST_SEEN_AT, CSRF_TOKEN, MERCHANT_ID, ADMIN_USER, FLASH";

    private final Connection connection;

    SessionRows(Connection connection) {
        this.connection = connection;
    }

    /** The database's clock, in epoch milliseconds: the one every server reads. */
    long now() throws SQLException {
        return DatabaseClock.millis(connection);
    }

    Optional<StoredSession> read(String idHash, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM BROWSER_SESSION WHERE ID_HASH = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setString(1, idHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String merchant = r.getString(5);
                return Optional.of(new StoredSession(r.getString(1), r.getLong(2), r.getLong(3), r.getString(4),
                        Optional.ofNullable(merchant).map(UUID::fromString), Optional.ofNullable(r.getString(6)),
                        Optional.ofNullable(r.getString(7))));
            }
        }
    }

    void insert(StoredSession session) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO BROWSER_SESSION (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, session.idHash());
            s.setLong(2, session.createdAt());
            s.setLong(3, session.lastSeenAt());
            s.setString(4, session.csrfToken());
            nullable(s, 5, session.merchant().map(UUID::toString));
            nullable(s, 6, session.admin());
            nullable(s, 7, session.flash());
            s.executeUpdate();
        }
    }

    int touch(String idHash, long now) throws SQLException {
        return update("UPDATE BROWSER_SESSION SET LAST_SEEN_AT = ? WHERE ID_HASH = ?", now, idHash);
    }

    int set(String column, String idHash, Optional<String> value) throws SQLException {
        if (!List.of("MERCHANT_ID", "ADMIN_USER", "FLASH").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        try (PreparedStatement s = connection.prepareStatement("UPDATE BROWSER_SESSION SET " + column + " = ? WHERE ID_HASH = ?")) {
            nullable(s, 1, value);
            s.setString(2, idHash);
            return s.executeUpdate();
        }
    }

    int delete(String idHash) throws SQLException {
        forgetStates(idHash);
        return update("DELETE FROM BROWSER_SESSION WHERE ID_HASH = ?", idHash);
    }

    void insertState(String idHash, String nonce, long now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO BROWSER_SESSION_STATE (NONCE, SESSION_HASH, CREATED_AT) VALUES (?, ?, ?)")) {
            s.setString(1, nonce);
            s.setString(2, idHash);
            s.setLong(3, now);
            s.executeUpdate();
        }
    }

    /** The session's pending nonces, newest first. */
    List<String> states(String idHash) throws SQLException {
        List<String> nonces = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT NONCE FROM BROWSER_SESSION_STATE WHERE SESSION_HASH = ? ORDER BY CREATED_AT DESC, NONCE")) {
            s.setString(1, idHash);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    nonces.add(r.getString(1));
                }
            }
        }
        return nonces;
    }

    int deleteState(String idHash, String nonce) throws SQLException {
        return update("DELETE FROM BROWSER_SESSION_STATE WHERE NONCE = ? AND SESSION_HASH = ?", nonce, idHash);
    }

    int forgetStates(String idHash) throws SQLException {
        return update("DELETE FROM BROWSER_SESSION_STATE WHERE SESSION_HASH = ?", idHash);
    }

    /** Deletes at most {@code limit} sessions last seen before {@code idleBefore} or made before {@code madeBefore}, and old states. */
    int purge(long idleBefore, long madeBefore, int limit) throws SQLException {
        List<String> expired = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT ID_HASH FROM BROWSER_SESSION WHERE LAST_SEEN_AT < ? OR CREATED_AT < ? FETCH FIRST " + limit + " ROWS ONLY")) {
            s.setLong(1, idleBefore);
            s.setLong(2, madeBefore);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    expired.add(r.getString(1));
                }
            }
        }
        for (String idHash : expired) {
            delete(idHash);
        }
        // A state outlives its session's idle time only if the session was deleted: never useful.
        update("DELETE FROM BROWSER_SESSION_STATE WHERE CREATED_AT < ?", idleBefore);
        return expired.size();
    }

    private int update(String sql, Object... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }

    private static void nullable(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }
}

package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.config.DatabaseClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Each signed launch from the Shopify admin opens a session once, on every server together
 * ({@code USED_LAUNCH}). Shopify signs a new launch, with a new timestamp, each time the merchant
 * opens the app, so a second use of the same address is a copy of it — from a browser's history,
 * a log or a forwarded link — and is refused while its timestamp is still in the window. The
 * table holds the SHA-256 of the launch's {@code hmac}, until the timestamp can no longer pass
 * anyway; expired rows go at the next use, at most {@value #PURGE_LIMIT} at a time.
 *
 * <p>Plain JDBC in its own short transaction, as {@code admin.control.LoginThrottle}: the primary
 * key decides between two servers given the same launch at once, and H2 and PostgreSQL read the
 * SQL alike.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED) // its own transaction, never a caller's
public class UsedLaunches {

    static final int PURGE_LIMIT = 500;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    public UsedLaunches() {
        // for CDI
    }

    UsedLaunches(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the launch signed with {@code hmac} as used.
     *
     * @param expiresAt epoch milliseconds after which the launch's timestamp is refused anyway
     * @return true the first time, false when it was used before
     * @throws IllegalStateException when the database cannot tell (the launch is then refused: unknown is not first)
     */
    public boolean firstUse(String hmac, long expiresAt) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                purge(c);
                if (insert(c, digest(hmac), expiresAt)) {
                    c.commit();
                    return true;
                }
                c.rollback(); // PostgreSQL's transaction is aborted by a refused insert
                return false;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the launch's use: " + e.getMessage(), e);
        }
    }

    private static void purge(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM USED_LAUNCH WHERE DIGEST IN (SELECT DIGEST FROM USED_LAUNCH"
                + " WHERE EXPIRES_AT < " + DatabaseClock.MILLIS + " FETCH FIRST " + PURGE_LIMIT + " ROWS ONLY)")) {
            s.executeUpdate();
        }
    }

    private static boolean insert(Connection c, String digest, long expiresAt) throws SQLException {
        // Whether the digest is there first, then the insert, whose primary key settles a race with another server.
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM USED_LAUNCH WHERE DIGEST = ?")) {
            s.setString(1, digest);
            if (s.executeQuery().next()) {
                return false;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO USED_LAUNCH (DIGEST, EXPIRES_AT) VALUES (?, ?)")) {
            s.setString(1, digest);
            s.setLong(2, expiresAt);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // integrity constraint violation: another server recorded it first
            }
            throw e;
        }
    }

    private static String digest(String hmac) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hmac.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

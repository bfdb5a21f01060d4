package dev.salesbot.sync.sessions.control;

import dev.salesbot.sync.problems.control.Refusal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The browser sessions, in the database every server reads ({@code BROWSER_SESSION}), so that any
 * server answers any request of a browser. A session is found by the SHA-256 of its cookie's value;
 * it ends {@link #IDLE} after its last request or {@link #LIFETIME} after it was made, whichever
 * comes first, by the database's clock. Each call is one short transaction of its own.
 *
 * <p>The OAuth states a session was given wait in {@code BROWSER_SESSION_STATE} (at most
 * {@value #MAX_PENDING} per session, the newest); consuming one is a {@code DELETE} that only one
 * request, on any server, can win. Plain JDBC rather than JPA, for the database's clock and so that
 * the unit tests run the very SQL on H2.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED) // its own local transactions, never a caller's
public class BrowserSessionStore {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** A session's last-seen time is written at most this often (not on every request). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final int MAX_PENDING = 16;
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    static final int PURGE_LIMIT = 500;
    private static final System.Logger LOGGER = System.getLogger(BrowserSessionStore.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** Null: the database's clock (tests set one that moves when told). */
    Clock clock;

    private volatile long nextPurge;

    public BrowserSessionStore() {
        // for CDI
    }

    BrowserSessionStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    private interface Step<T> {
        T run(SessionRows rows, long now) throws SQLException;
    }

    /** The session whose id hashes to {@code idHash}, if it has not ended; its last-seen time is brought up to date. */
    public Optional<StoredSession> find(String idHash) {
        return inTransaction((rows, now) -> {
            Optional<StoredSession> found = rows.read(idHash, false);
            if (found.isEmpty()) {
                return found;
            }
            StoredSession session = found.get();
            if (ended(session, now)) {
                rows.delete(idHash);
                return Optional.empty();
            }
            if (now - session.lastSeenAt() >= TOUCH_EVERY.toMillis()) {
                rows.touch(idHash, now);
            }
            return found;
        });
    }

    /** A new, empty session. */
    public StoredSession create(String idHash, String csrfToken) {
        purgeNowAndThen();
        return inTransaction((rows, now) -> {
            StoredSession session = new StoredSession(idHash, now, now, csrfToken, Optional.empty(), Optional.empty(), Optional.empty());
            rows.insert(session);
            return session;
        });
    }

    /**
     * The session under a new id and a new CSRF token, with whom it acts for and its message; the
     * states it was given are dropped (each is bound to the old id). Empty if the session ended.
     */
    public Optional<StoredSession> rotate(String oldHash, String newHash, String csrfToken) {
        return inTransaction((rows, now) -> {
            Optional<StoredSession> old = rows.read(oldHash, true);
            if (old.isEmpty() || ended(old.get(), now)) {
                return Optional.<StoredSession>empty();
            }
            StoredSession moved = new StoredSession(newHash, old.get().createdAt(), now, csrfToken, old.get().merchant(),
                    old.get().admin(), old.get().flash());
            rows.delete(oldHash);
            rows.insert(moved);
            return Optional.of(moved);
        });
    }

    public void actFor(String idHash, UUID merchant) {
        set("MERCHANT_ID", idHash, Optional.of(merchant.toString()));
    }

    public void admin(String idHash, String user) {
        set("ADMIN_USER", idHash, Optional.of(user));
    }

    public void flash(String idHash, String message) {
        set("FLASH", idHash, Optional.of(message.length() > 2000 ? message.substring(0, 1999) + "…" : message));
    }

    /** The message left for the session's next page, once. */
    public Optional<String> takeFlash(String idHash) {
        return inTransaction((rows, now) -> {
            Optional<String> flash = rows.read(idHash, true).flatMap(StoredSession::flash);
            if (flash.isPresent()) {
                rows.set("FLASH", idHash, Optional.empty());
            }
            return flash;
        });
    }

    public void delete(String idHash) {
        inTransaction((rows, now) -> rows.delete(idHash));
    }

    /** Keeps {@code nonce} for the session, and only its {@value #MAX_PENDING} newest. */
    public void remember(String idHash, String nonce) {
        inTransaction((rows, now) -> {
            rows.insertState(idHash, nonce, now);
            List<String> pending = rows.states(idHash);
            for (String old : pending.subList(Math.min(MAX_PENDING, pending.size()), pending.size())) {
                rows.deleteState(idHash, old);
            }
            return null;
        });
    }

    /** Whether the session was given {@code nonce} and had not used it; used from now on, on every server. */
    public boolean consume(String idHash, String nonce) {
        return inTransaction((rows, now) -> rows.deleteState(idHash, nonce) == 1);
    }

    private void set(String column, String idHash, Optional<String> value) {
        inTransaction((rows, now) -> rows.set(column, idHash, value));
    }

    private static boolean ended(StoredSession session, long now) {
        return session.lastSeenAt() + IDLE.toMillis() <= now || session.createdAt() + LIFETIME.toMillis() <= now;
    }

    private void purgeNowAndThen() {
        long millis = clock == null ? System.currentTimeMillis() : clock.millis();
        if (millis < nextPurge) {
            return;
        }
        nextPurge = millis + PURGE_EVERY.toMillis();
        try {
            int purged = inTransaction((rows, now) -> rows.purge(now - IDLE.toMillis(), now - LIFETIME.toMillis(), PURGE_LIMIT));
            LOGGER.log(System.Logger.Level.DEBUG, "Purged {0} ended browser sessions", purged);
        } catch (Refusal e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Purging browser sessions: {0}", e.getMessage());
        }
    }

    private <T> T inTransaction(Step<T> step) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                SessionRows rows = new SessionRows(connection);
                T result = step.run(rows, clock == null ? rows.now() : clock.millis());
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Browser sessions unavailable: {0}", e.getMessage());
            throw new Refusal(Refusal.Kind.UPSTREAM_BUSY, "sessions-unavailable", "Sessions unavailable",
                    "Browser sessions cannot be read right now (the database did not answer). Try again in a minute.", e);
        }
    }
}

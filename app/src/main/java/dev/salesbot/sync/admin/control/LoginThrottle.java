package dev.salesbot.sync.admin.control;

import dev.salesbot.sync.admin.control.LoginFailureRows.Count;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Slows down password guessing, for every server at once: failed logins are counted in the
 * database ({@code LOGIN_FAILURE}), per client and for the admin account. The rules, and why they
 * are these, are the package notes'.
 * <ul>
 * <li>A client is an IPv4 address, or an IPv6 address's /64 (one subscriber's network). Its first
 * {@value #FREE_FAILURES} failures cost nothing; after each further one it waits 1 s, 2 s, 4 s …
 * at most {@link #MAX_WAIT}.</li>
 * <li>Once the account has {@value #ACCOUNT_FREE_FAILURES} recent failures (from any clients), it
 * is under attack: only clients with no recent failure are checked, one guess each.</li>
 * <li>An attempt is counted as its client's failure <em>before</em> its password is checked
 * ({@link #admit}), in one short transaction that takes turns with every other server's; a refused
 * attempt changes nothing and costs no password hash. A success ({@link #succeeded}) clears its
 * client; a failure ({@link #failed}) is then counted against the account too.</li>
 * <li>Failures are recent for {@link #FORGET_AFTER} after a subject's last one; a client's row is
 * deleted some minutes later (at most {@value #PURGE_LIMIT} rows a minute per server).</li>
 * </ul>
 * Times are the database's clock, which all servers share, in epoch milliseconds. Plain JDBC
 * rather than JPA: JPQL cannot read that clock as a number, and the unit tests run the very SQL on
 * H2 without a JPA provider.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED) // its own local transactions, never a caller's
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int ACCOUNT_FREE_FAILURES = 20;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    static final int PURGE_LIMIT = 500;
    private static final int TRIES = 3;
    private static final System.Logger LOGGER = System.getLogger(LoginThrottle.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** Null: the database's clock (tests set one that moves when told). */
    Clock clock;

    private volatile long nextPurge;

    public LoginThrottle() {
        // for CDI
    }

    LoginThrottle(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What one transaction does with the rows, at the database's time {@code now} (epoch ms). */
    private interface Step<T> {
        T run(LoginFailureRows rows, long now) throws SQLException;
    }

    /**
     * Empty if {@code client} may try a password now — the attempt is then counted as a failure
     * until {@link #succeeded} says otherwise — or how long it must wait first.
     *
     * @throws LoginsUnavailable if the database cannot count the attempt
     */
    public Optional<Duration> admit(InetAddress client) {
        String subject = subject(client);
        Optional<Duration> wait = inTransaction(subject, (rows, now) -> {
            Count account = recent(rows.lockAccount(), now);
            Count own = recent(rows.read(subject), now);
            long waitMillis = waitMillis(account, own, now);
            if (waitMillis > 0) {
                return Optional.of(Duration.ofMillis(waitMillis));
            }
            int failures = own.failures() + 1;
            rows.write(subject, new Count(failures, now, now + backoff(failures).toMillis()));
            return Optional.empty();
        });
        if (wait.isEmpty()) {
            purgeNowAndThen();
        }
        return wait;
    }

    /**
     * Whether {@code client} must wait before its next attempt is checked, changing nothing (a
     * remembered success, {@link VerifiedCredentials}, is honoured only while it need not).
     *
     * @throws LoginsUnavailable if the database cannot say
     */
    public boolean mustWait(InetAddress client) {
        String subject = subject(client);
        return inTransaction(subject, (rows, now) -> waitMillis(recent(rows.read(LoginFailureRows.ACCOUNT), now),
                recent(rows.read(subject), now), now) > 0);
    }

    /**
     * The attempt {@code client} was admitted for failed: one more failure of the account's, and the
     * client's wait runs from now (the password check took time since it was counted). Best effort:
     * if the database does not answer, the count {@link #admit} made stands.
     */
    public void failed(InetAddress client) {
        String subject = subject(client);
        try {
            inTransaction(subject, (rows, now) -> {
                Count account = recent(rows.lockAccount(), now);
                rows.write(LoginFailureRows.ACCOUNT, new Count(account.failures() + 1, now, now));
                Count own = rows.read(subject);
                if (own.failures() > 0) {
                    rows.write(subject, new Count(own.failures(), now, Math.max(own.notBefore(), now + backoff(own.failures()).toMillis())));
                }
                return null;
            });
        } catch (LoginsUnavailable e) {
            // logged by inTransaction; the answer is the same
        }
    }

    /**
     * {@code client} logged in: its failures are forgotten (the account's are other clients'). Best
     * effort: if the database does not answer, the login stands and the client keeps its count.
     */
    public void succeeded(InetAddress client) {
        String subject = subject(client);
        try {
            inTransaction(subject, (rows, now) -> {
                rows.lockAccount();
                rows.delete(subject);
                return null;
            });
        } catch (LoginsUnavailable e) {
            // logged by inTransaction
        }
    }

    /** How long a client with these recent counts waits before its next attempt is checked (0: none). */
    static long waitMillis(Count account, Count own, long now) {
        long wait = own.notBefore() - now;
        if (account.failures() >= ACCOUNT_FREE_FAILURES && own.failures() > 0) {
            wait = Math.max(wait, own.lastAt() + FORGET_AFTER.toMillis() - now);
        }
        return Math.max(0, wait);
    }

    /** The wait after a client's {@code failures}-th failure in a row. */
    static Duration backoff(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofSeconds(1L << Math.min(failures - FREE_FAILURES - 1, 20));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** A client's row key: {@code client 192.0.2.7}, or {@code client 2001:db8:1:2:0:0:0:0/64} for every address of that /64. */
    static String subject(InetAddress client) {
        if (client instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(client.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return "client " + InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return "client " + client.getHostAddress();
    }

    private static Count recent(Count count, long now) {
        return count.lastAt() + FORGET_AFTER.toMillis() <= now ? Count.NONE : count;
    }

    private void purgeNowAndThen() {
        long due = nextPurge;
        long millis = System.currentTimeMillis();
        if (millis < due) {
            return;
        }
        nextPurge = millis + PURGE_EVERY.toMillis();
        try {
            int purged = inTransaction("purge", (rows, now) -> {
                rows.lockAccount();
                return rows.purge(now - FORGET_AFTER.toMillis(), PURGE_LIMIT);
            });
            LOGGER.log(System.Logger.Level.DEBUG, "Purged {0} clients'' failed logins older than {1}", purged, FORGET_AFTER);
        } catch (LoginsUnavailable e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Purging failed logins: {0}", e.getMessage());
        }
    }

    /**
     * Runs {@code step} in a transaction of its own, committed before this returns; again from the
     * start if the database refused it (two servers creating the account's row at once).
     */
    private <T> T inTransaction(String subject, Step<T> step) {
        SQLException last = null;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    LoginFailureRows rows = new LoginFailureRows(connection);
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
                last = e;
            }
        }
        LOGGER.log(System.Logger.Level.WARNING, "Failed logins could not be counted for {0}: {1}", subject, last.getMessage());
        throw new LoginsUnavailable(last);
    }
}

package dev.salesbot.sync.merchants.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the operators must do on a platform's side for the whole app, not for one store — e.g.
 * enable bulk queries in Shopify's Partner Dashboard — in {@code PLATFORM_NOTICE}, so every server
 * and the dashboard see it. A sync that meets the refusal raises the notice with when to try again;
 * one that succeeds clears it. Best effort: a database that does not answer loses a notice (logged),
 * never a sync.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED) // single statements of its own
public class PlatformNotices {

    /** Shopify refused the app's bulk queries: they are not enabled in the Partner Dashboard. */
    public static final String SHOPIFY_BULK_QUERIES = "shopify-bulk-queries";

    private static final System.Logger LOGGER = System.getLogger(PlatformNotices.class.getName());

    /** One notice: what to do, since when, and when the platform is asked again. */
    public record Notice(String name, String message, Instant since, Instant retryAt) {
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    public PlatformNotices() {
        // for CDI
    }

    PlatformNotices(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Raises (or renews) {@code name}: the platform is asked again {@code retryAfter} from now. */
    public void raise(String name, String message, Duration retryAfter) {
        long now = clock.millis();
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE PLATFORM_NOTICE SET MESSAGE = ?, RETRY_AT = ? WHERE NAME = ?")) {
                s.setString(1, message);
                s.setLong(2, now + retryAfter.toMillis());
                s.setString(3, name);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO PLATFORM_NOTICE (NAME, MESSAGE, SINCE, RETRY_AT) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, name);
                    s.setString(2, message);
                    s.setLong(3, now);
                    s.setLong(4, now + retryAfter.toMillis());
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            // Another server inserting it at the same moment, or no database: the next refusal raises it again.
            LOGGER.log(System.Logger.Level.WARNING, "Notice {0} not recorded: {1}", name, e.getMessage());
        }
    }

    /** The platform agrees again: the notice goes. */
    public void clear(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM PLATFORM_NOTICE WHERE NAME = ?")) {
            s.setString(1, name);
            if (s.executeUpdate() > 0) {
                LOGGER.log(System.Logger.Level.INFO, "Notice {0} cleared: the platform agrees again", name);
            }
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Notice {0} not cleared: {1}", name, e.getMessage());
        }
    }

    /** Whether {@code name} is raised and not yet due to be tried again. */
    public boolean holds(String name) {
        return find(name).map(n -> n.retryAt().toEpochMilli() > clock.millis()).orElse(false);
    }

    public Optional<Notice> find(String name) {
        return all().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Every raised notice, oldest first; none if the database does not answer. */
    public List<Notice> all() {
        List<Notice> notices = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT NAME, MESSAGE, SINCE, RETRY_AT FROM PLATFORM_NOTICE ORDER BY SINCE, NAME");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                notices.add(new Notice(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)), Instant.ofEpochMilli(r.getLong(4))));
            }
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Notices not read: {0}", e.getMessage());
        }
        return notices;
    }
}

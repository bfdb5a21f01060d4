package dev.salesbot.sync.webhooks.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a committed batch of deliveries durable before any of it is answered 200 ({@link Intake}).
 * PostgreSQL has flushed its log when a commit returns: nothing more to do. H2, the embedded
 * default, keeps commits in memory and its background writer puts them in the file up to
 * {@code WRITE_DELAY} (500 ms) later (https://h2database.com/html/commands.html#set_write_delay), so
 * a server killed in between would lose deliveries it had acknowledged: on H2 each batch is followed
 * by a {@code CHECKPOINT} (https://h2database.com/html/commands.html#checkpoint), which writes every
 * committed change to the file before it returns. ({@code WRITE_DELAY=0} in the URL would write at
 * every commit too, but it also stops H2's background writer, and with it the housekeeping that
 * reclaims old chunks: after 36,000 batches the file was 1.35 GB either way, and with
 * {@code WRITE_DELAY=0} it stayed so, idle and closed, where with checkpoints it was 24 MB after 90 s
 * idle — {@code bench/h2-growth.sh}.)
 *
 * <p>{@code CHECKPOINT} needs H2's admin right, which the user that created the database has. A
 * user without it is told once, at the first batch, in a WARNING, and deliveries are then answered
 * once committed, as H2 makes them durable.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED) // after the batch's transaction, never in one
public class Durability {

    private static final System.Logger LOGGER = System.getLogger(Durability.class.getName());
    /** H2's error code "admin rights are required for this operation". */
    static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;

    private enum Mode { UNKNOWN, NOTHING, CHECKPOINT }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    private volatile Mode mode = Mode.UNKNOWN;

    public Durability() {
        // for CDI
    }

    Durability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Returns once what was committed before the call is in the database's file, as far as a killed
     * server is concerned.
     *
     * @throws SQLException when the database could not say so: the batch must not be acknowledged
     */
    public void flush() throws SQLException {
        if (mode == Mode.NOTHING) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (mode == Mode.UNKNOWN) {
                mode = "H2".equals(c.getMetaData().getDatabaseProductName()) ? Mode.CHECKPOINT : Mode.NOTHING;
            }
            if (mode == Mode.CHECKPOINT) {
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != H2_ADMIN_RIGHTS_REQUIRED) {
                throw e;
            }
            mode = Mode.NOTHING;
            LOGGER.log(System.Logger.Level.WARNING, "The H2 user has no admin right, so webhook deliveries are answered once committed, "
                    + "before H2 writes them to its file (up to WRITE_DELAY later): a server killed in between loses them. "
                    + "Connect as the user that created the database, or use PostgreSQL (docs/operations.md).");
        }
    }
}

package dev.salesbot.sync.shopify.graphql.buckets;

import dev.salesbot.sync.config.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code SHOPIFY_BUCKET} rows: one per shop, the last cost report any server received, stamped
 * with the database's clock (epoch milliseconds), so that its age reads the same on every server.
 * A write is one UPDATE (an INSERT the first time), a read one SELECT; each its own transaction, so
 * neither joins nor dooms a caller's. A failure is logged and ignored: pacing falls back to this
 * server's own view, and a stale row only makes the next estimate lower than it need be.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ShopBuckets implements BucketBoard {

    private static final System.Logger LOGGER = System.getLogger(ShopBuckets.class.getName());

    /** The database's now in epoch milliseconds. */
    private static final String NOW = DatabaseClock.MILLIS;

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    @Override
    public Optional<BucketReport> read(String shop) {
        try {
            List<?> rows = em.createNativeQuery("SELECT CURRENTLY_AVAILABLE, MAXIMUM_AVAILABLE, RESTORE_RATE, LARGEST_REQUESTED, "
                    + NOW + " - OBSERVED_AT FROM SHOPIFY_BUCKET WHERE SHOP = ?1").setParameter(1, shop).getResultList();
            if (rows.isEmpty() || !(rows.get(0) instanceof Object[] row)) {
                return Optional.empty();
            }
            return Optional.of(new BucketReport(number(row[0]), number(row[1]), number(row[2]), (int) number(row[3]),
                    Duration.ofMillis(Math.max(0, (long) number(row[4])))));
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Shared bucket of {0} not read: {1}", shop, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void write(String shop, double currentlyAvailable, double maximumAvailable, double restoreRate, int requested) {
        try {
            int updated = em.createNativeQuery("UPDATE SHOPIFY_BUCKET SET CURRENTLY_AVAILABLE = ?1, MAXIMUM_AVAILABLE = ?2, "
                            + "RESTORE_RATE = ?3, LARGEST_REQUESTED = CASE WHEN LARGEST_REQUESTED < ?4 THEN ?4 ELSE LARGEST_REQUESTED END, "
                            + "OBSERVED_AT = " + NOW + " WHERE SHOP = ?5")
                    .setParameter(1, currentlyAvailable).setParameter(2, maximumAvailable)
                    .setParameter(3, restoreRate).setParameter(4, requested).setParameter(5, shop).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO SHOPIFY_BUCKET (SHOP, CURRENTLY_AVAILABLE, MAXIMUM_AVAILABLE, RESTORE_RATE, "
                                + "LARGEST_REQUESTED, OBSERVED_AT) VALUES (?1, ?2, ?3, ?4, ?5, " + NOW + ")")
                        .setParameter(1, shop).setParameter(2, currentlyAvailable).setParameter(3, maximumAvailable)
                        .setParameter(4, restoreRate).setParameter(5, requested).executeUpdate();
            }
        } catch (RuntimeException e) {
            // Another server inserted the row first, or the database is away: the next answer writes again.
            LOGGER.log(System.Logger.Level.DEBUG, "Shared bucket of {0} not written: {1}", shop, e.toString());
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}

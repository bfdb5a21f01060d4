package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.queue.entity.SyncProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A running sync's progress for the merchant's pages ({@link SyncProgress}). Best effort by design:
 * a progress write that fails is logged and forgotten, never a reason for the sync to fail, and
 * a sync reports at most once a second.
 */
@ApplicationScoped
public class SyncProgresses {

    /** How far a sync has got: {@code total} is 0 while the store's size is not known. */
    public record Progress(long fetched, long total) {
    }

    static final Duration EVERY = Duration.ofSeconds(1);
    private static final System.Logger LOGGER = System.getLogger(SyncProgresses.class.getName());

    @Inject
    SyncProgressRows rows;

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    /** A counter for one full sync of {@code target}: it starts at 0 and is written at most every {@link #EVERY}. */
    public LongConsumer reporter(String target) {
        safely(() -> rows.fetched(target, 0));
        long[] last = {System.nanoTime()};
        return fetched -> {
            long now = System.nanoTime();
            if (now - last[0] >= EVERY.toNanos()) {
                last[0] = now;
                safely(() -> rows.fetched(target, fetched));
            }
        };
    }

    /** The store's size, as a live read found it. */
    public void total(String target, long total) {
        safely(() -> rows.total(target, total));
    }

    public Optional<Progress> find(String target) {
        SyncProgress row = em.find(SyncProgress.class, target);
        return row == null ? Optional.empty() : Optional.of(new Progress(row.fetched(), row.total()));
    }

    private static void safely(Runnable write) {
        try {
            write.run();
        } catch (Exception e) {
            // Exception, not RuntimeException: a failed commit of the row's own transaction surfaces as
            // the checked jakarta.transaction.RollbackException on WildFly, rethrown undeclared.
            LOGGER.log(System.Logger.Level.DEBUG, "A progress write failed (ignored): {0}", e.toString());
        }
    }
}

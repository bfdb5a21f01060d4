package dev.salesbot.sync.queue.leases;

import dev.salesbot.sync.queue.entity.SyncLease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * The {@code SYNC_LEASE} writes of {@link SyncLeases}, each committed on its own but
 * {@link #extendWith}, which joins its caller's transaction. Every time is the database's: each
 * write reads the database's clock in its own transaction first ({@link #databaseMillis()}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SyncLeaseRows {

    /** The database's clock as epoch seconds, in the SQL H2 and PostgreSQL both speak (a number, whatever the driver's time types). */
    private static final String DATABASE_EPOCH = "SELECT EXTRACT(EPOCH FROM CURRENT_TIMESTAMP)";

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    /**
     * The generation {@code holder} now holds {@code target} at, for {@code leaseMillis} from the
     * database's now: an expired lease taken over (its generation counted on), or a first one
     * inserted (generation 1); empty if another server holds it. A concurrent insert of another
     * server fails at commit (the caller's catch).
     */
    public OptionalLong claim(String target, String holder, long leaseMillis) {
        long now = databaseMillis();
        int taken = em.createNamedQuery(SyncLease.TAKE_EXPIRED).setParameter("holder", holder).setParameter("until", now + leaseMillis)
                .setParameter("target", target).setParameter("now", now).executeUpdate();
        if (taken == 1) {
            return em.createNamedQuery(SyncLease.GENERATION, Long.class).setParameter("target", target).setParameter("holder", holder)
                    .getResultStream().mapToLong(Long::longValue).findFirst();
        }
        if (em.find(SyncLease.class, target) != null) {
            return OptionalLong.empty();
        }
        SyncLease first = new SyncLease(target, holder, now + leaseMillis);
        em.persist(first);
        em.flush();
        return OptionalLong.of(first.generation());
    }

    /** Extends the lease by {@code leaseMillis} from the database's now if {@code holder} still holds that generation: 1, else 0. */
    public int extend(String target, String holder, long generation, long leaseMillis) {
        return extendWith(target, holder, generation, leaseMillis);
    }

    /** As {@link #extend}, in the caller's transaction: a write committed with it is committed only by the lease's holder. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int extendWith(String target, String holder, long generation, long leaseMillis) {
        long now = databaseMillis();
        return em.createNamedQuery(SyncLease.EXTEND).setParameter("until", now + leaseMillis).setParameter("target", target)
                .setParameter("holder", holder).setParameter("generation", generation).setParameter("now", now).executeUpdate();
    }

    public void release(String target, String holder, long generation) {
        em.createNamedQuery(SyncLease.RELEASE).setParameter("target", target).setParameter("holder", holder)
                .setParameter("generation", generation).executeUpdate();
    }

    private long databaseMillis() {
        Object seconds = em.createNativeQuery(DATABASE_EPOCH).getSingleResult();
        if (seconds instanceof BigDecimal exact) {
            return exact.movePointRight(3).longValue();
        }
        if (seconds instanceof Number number) {
            return Math.round(number.doubleValue() * 1000);
        }
        throw new IllegalStateException("The database answered its clock as " + (seconds == null ? "null" : seconds.getClass().getName()));
    }
}

package dev.salesbot.sync.sync.control;

import dev.salesbot.sync.sync.entity.SyncProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Writes a {@code SYNC_PROGRESS} row in a transaction of its own, committed when each method returns. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SyncProgressRows {

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    void fetched(String target, long fetched) {
        row(target).fetched(fetched, OffsetDateTime.now(ZoneOffset.UTC));
    }

    void total(String target, long total) {
        row(target).total(total, OffsetDateTime.now(ZoneOffset.UTC));
    }

    void delete(String target) {
        SyncProgress row = em.find(SyncProgress.class, target);
        if (row != null) {
            em.remove(row);
        }
    }

    private SyncProgress row(String target) {
        SyncProgress row = em.find(SyncProgress.class, target);
        if (row == null) {
            row = new SyncProgress(target);
            em.persist(row);
        }
        return row;
    }
}

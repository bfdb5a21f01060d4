package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.queue.entity.SyncProgress;
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
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        row(target, now).fetched(fetched, now);
    }

    void total(String target, long total) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        row(target, now).total(total, now);
    }

    private SyncProgress row(String target, OffsetDateTime now) {
        SyncProgress row = em.find(SyncProgress.class, target);
        if (row == null) {
            row = new SyncProgress(target, now);
            em.persist(row);
        }
        return row;
    }
}

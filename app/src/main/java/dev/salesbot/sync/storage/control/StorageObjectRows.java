package dev.salesbot.sync.storage.control;

import dev.salesbot.sync.storage.entity.StorageObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The {@code STORAGE_OBJECT} reads and writes of {@link TargetObjects}. A record and a forget each
 * commit on their own, whatever transaction the caller is in: a key is recorded before its object
 * is written, never with the caller's later commit.
 */
@ApplicationScoped
public class StorageObjectRows {

    private static final System.Logger LOGGER = System.getLogger(StorageObjectRows.class.getName());

    /** A recorded key as a deletion read it: {@code writes} tells whether a write was recorded since. */
    public record Row(StorageKey key, long writes) {
    }

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    /** Records that {@code keys} are about to be written for {@code target}; committed when this returns. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(StorageTarget target, List<StorageKey> keys) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String kind = target.kind().name();
        for (StorageKey key : keys) {
            StorageObject row = em.find(StorageObject.class, key.value());
            if (row == null) {
                em.persist(new StorageObject(key.value(), kind, target.id(), now));
                continue;
            }
            if (!row.targetKind().equals(kind) || !row.target().equals(target.id())) {
                // A key's layout names its target; this would be a defect, and the newer writer's deletion now covers the key.
                LOGGER.log(System.Logger.Level.WARNING, "Storage key {0} was recorded for {1} {2}, now written for {3}",
                        key, row.targetKind(), row.target(), target);
            }
            row.written(kind, target.id(), now);
        }
    }

    /** Every key recorded for {@code target}. */
    @Transactional
    public List<Row> of(StorageTarget target) {
        return em.createNamedQuery(StorageObject.OF_TARGET, StorageObject.class)
                .setParameter("kind", target.kind().name())
                .setParameter("target", target.id())
                .getResultStream()
                .map(o -> new Row(new StorageKey(o.objectKey()), o.writes()))
                .toList();
    }

    /** Forgets the rows whose objects were deleted, each unless a write was recorded for it since it was read; answers how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forget(List<Row> rows) {
        int forgotten = 0;
        for (Row row : rows) {
            forgotten += em.createNamedQuery(StorageObject.FORGET)
                    .setParameter("key", row.key().value())
                    .setParameter("writes", row.writes())
                    .executeUpdate();
        }
        return forgotten;
    }
}

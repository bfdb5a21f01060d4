package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.queue.entity.TargetStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Creates a target's {@code TARGET_STATUS} row in a transaction of its own, committed when this returns. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class TargetStatusRows {

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    void createIfMissing(String target) {
        if (em.find(TargetStatus.class, target) == null) {
            em.persist(new TargetStatus(target));
        }
    }
}

package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.queue.entity.SyncLease;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Collection;

/** The {@code SYNC_LEASE} writes of {@link SyncLeases}, each committed on its own. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class SyncLeaseRows {

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    /** 1 if {@code target}'s lease had expired and is now {@code holder}'s until {@code until}. */
    public int takeExpired(String target, String holder, long now, long until) {
        return em.createNamedQuery(SyncLease.TAKE_EXPIRED).setParameter("holder", holder).setParameter("until", until)
                .setParameter("target", target).setParameter("now", now).executeUpdate();
    }

    /** False if a lease of {@code target} exists; a concurrent insert of another server fails at commit (the caller's catch). */
    public boolean insert(String target, String holder, long until) {
        if (em.find(SyncLease.class, target) != null) {
            return false;
        }
        em.persist(new SyncLease(target, holder, until));
        em.flush();
        return true;
    }

    public int renew(Collection<String> targets, String holder, long until) {
        return em.createNamedQuery(SyncLease.RENEW).setParameter("holder", holder).setParameter("until", until)
                .setParameter("targets", targets).executeUpdate();
    }

    public void release(String target, String holder) {
        em.createNamedQuery(SyncLease.RELEASE).setParameter("target", target).setParameter("holder", holder).executeUpdate();
    }
}

package dev.salesbot.sync.poll.control;

import dev.salesbot.sync.merchants.entity.ConnectionStatus;
import dev.salesbot.sync.poll.entity.PollSlot;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.Syncs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code POLL_SLOT} rows of {@link Polls}, each method one transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PollSlots {

    /** What a poll of a target records. */
    public static final String POLL_PAYLOAD = "poll";

    /** Whether {@code task} is (or swallowed) a poll's sync: handlers log the seed's poll lines then. */
    public static boolean polled(dev.salesbot.sync.queue.control.SyncTask task) {
        return task.payloads().contains(POLL_PAYLOAD);
    }

    /** A due slot as read, detached. */
    public record Due(String target, SyncKind kind, long round) {
    }

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    @Inject
    Syncs syncs;

    /**
     * Slots for active connections that have none yet, at their spread offset; answers how many
     * were added. A second server adding the same one at once fails its commit (the caller's
     * catch), and the next tick finds them all present.
     */
    public int addMissing(long now, Duration interval, int limit) {
        int added = 0;
        for (String shop : em.createQuery("select c.shop from ShopifyConnection c where c.status = :active"
                        + " and not exists (select s from PollSlot s where s.target = c.shop)", String.class)
                .setParameter("active", ConnectionStatus.ACTIVE).setMaxResults(limit).getResultList()) {
            em.persist(new PollSlot(shop, SyncKind.SHOPIFY_FULL.name(), PollSpread.first(shop, now, interval)));
            added++;
        }
        for (String page : em.createQuery("select c.pageId from FacebookPageConnection c where c.status = :active"
                        + " and not exists (select s from PollSlot s where s.target = c.pageId)", String.class)
                .setParameter("active", ConnectionStatus.ACTIVE).setMaxResults(limit).getResultList()) {
            em.persist(new PollSlot(page, SyncKind.FACEBOOK_PAGE.name(), PollSpread.first(page, now, interval)));
            added++;
        }
        return added;
    }

    /** Up to {@code limit} slots due at {@code now}, the most overdue first. */
    public List<Due> due(long now, int limit) {
        return em.createNamedQuery(PollSlot.DUE, PollSlot.class).setParameter("now", now).setMaxResults(limit)
                .getResultList().stream().map(s -> new Due(s.target(), SyncKind.valueOf(s.kind()), s.round())).toList();
    }

    /**
     * Takes the slot's round (false if another server took it first), moves it to {@code next} and,
     * in the same transaction, records the poll's full sync of the target; a slot whose connection
     * is no longer active is deleted instead (its next connect makes a new one).
     */
    public boolean take(Due due, long now, long next) {
        int taken = em.createNamedQuery(PollSlot.TAKE).setParameter("next", next).setParameter("now", now)
                .setParameter("target", due.target()).setParameter("round", due.round()).executeUpdate();
        if (taken != 1) {
            return false;
        }
        Optional<UUID> merchant = activeMerchant(due);
        if (merchant.isEmpty()) {
            em.createQuery("delete from PollSlot s where s.target = :target").setParameter("target", due.target()).executeUpdate();
            return false;
        }
        syncs.enqueue(due.kind(), due.target(), merchant.get(), POLL_PAYLOAD);
        return true;
    }

    /** Makes every slot due now (poll now). */
    public int allDueNow(long now) {
        return em.createNamedQuery(PollSlot.ALL_DUE_NOW).setParameter("now", now).executeUpdate();
    }

    /** Each target's next poll (epoch milliseconds), for the admin console. */
    public java.util.Map<String, Long> nextPolls() {
        java.util.Map<String, Long> next = new java.util.HashMap<>();
        em.createQuery("select s from PollSlot s", dev.salesbot.sync.poll.entity.PollSlot.class).getResultList()
                .forEach(s -> next.put(s.target(), s.nextPollAt()));
        return next;
    }

    public long count() {
        return em.createNamedQuery(PollSlot.COUNT, Long.class).getSingleResult();
    }

    private Optional<UUID> activeMerchant(Due due) {
        String query = due.kind() == SyncKind.SHOPIFY_FULL
                ? "select c.merchantId from ShopifyConnection c where c.shop = :target and c.status = :active"
                : "select c.merchantId from FacebookPageConnection c where c.pageId = :target and c.status = :active";
        return em.createQuery(query, String.class).setParameter("target", due.target())
                .setParameter("active", ConnectionStatus.ACTIVE).getResultList().stream().findFirst().map(UUID::fromString);
    }
}

package dev.salesbot.sync.webhooks.control;

import dev.salesbot.sync.webhooks.entity.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The deliveries already accepted, so that a repeat does nothing: Shopify and Meta deliver at least
 * once, and retry what they believe failed. Rows are kept {@link #KEPT} — longer than Shopify retries
 * (4 hours) — then purged.
 */
@ApplicationScoped
@Transactional
public class Deliveries {

    public static final Duration KEPT = Duration.ofDays(7);

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    public boolean seen(String id) {
        return em.find(WebhookDelivery.class, id) != null;
    }

    /**
     * Records the delivery in the caller's transaction; a concurrent twin fails that transaction's
     * commit on the primary key, which the caller answers as a duplicate.
     */
    public void remember(String id, String platform, String source, String topic) {
        em.persist(new WebhookDelivery(id, platform, source, topic, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Each source's latest delivery (shop domain or Page id → delivery), for the admin console. */
    public java.util.Map<String, WebhookDelivery> latestPerSource() {
        java.util.Map<String, WebhookDelivery> latest = new java.util.HashMap<>();
        em.createQuery("select d from WebhookDelivery d where d.receivedAt ="
                        + " (select max(e.receivedAt) from WebhookDelivery e where e.source = d.source)", WebhookDelivery.class)
                .getResultList().forEach(d -> latest.merge(d.source(), d, (a, b) -> a.receivedAt().isAfter(b.receivedAt()) ? a : b));
        return latest;
    }

    /** The latest deliveries, newest first. */
    public java.util.List<WebhookDelivery> recent(int limit) {
        return em.createQuery("select d from WebhookDelivery d order by d.receivedAt desc", WebhookDelivery.class)
                .setMaxResults(limit).getResultList();
    }

    public int purgeOlderThan(Duration age) {
        return em.createNamedQuery(WebhookDelivery.PURGE)
                .setParameter("before", OffsetDateTime.now(ZoneOffset.UTC).minus(age)).executeUpdate();
    }
}

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

    public int purgeOlderThan(Duration age) {
        return em.createNamedQuery(WebhookDelivery.PURGE)
                .setParameter("before", OffsetDateTime.now(ZoneOffset.UTC).minus(age)).executeUpdate();
    }
}

package dev.salesbot.sync.webhooks.control;

import dev.salesbot.sync.webhooks.entity.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The deliveries already accepted, so that a repeat does nothing: Shopify and Meta deliver at least
 * once, and retry what they believe failed. Rows are kept {@link #KEPT} — longer than Shopify retries
 * (4 hours) — then purged.
 */
@ApplicationScoped
@Transactional
public class Deliveries {

    public static final Duration KEPT = Duration.ofDays(7);
    static final int SOURCES_PER_QUERY = 100;
    static final int IDS_PER_QUERY = 256;
    /** {@link #seenAmong}'s statements, for 1, 2, 4 … {@value #IDS_PER_QUERY} ids. */
    private static final List<String> SEEN_AMONG = IntStream.rangeClosed(0, Integer.numberOfTrailingZeros(IDS_PER_QUERY))
            .mapToObj(k -> "SELECT ID FROM WEBHOOK_DELIVERY WHERE ID IN (" + String.join(", ", Collections.nCopies(1 << k, "?")) + ")")
            .toList();

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    public boolean seen(String id) {
        return em.find(WebhookDelivery.class, id) != null;
    }

    /**
     * Which of {@code ids} were recorded before: one query for a batch of deliveries (of up to
     * {@value #IDS_PER_QUERY}). Native SQL with one parameter per id, their number rounded up to a
     * power of two (the last id repeated), so that the statement's text repeats from batch to batch:
     * a JPQL {@code IN} with a list parameter made the provider generate its SQL again at every call,
     * a third of the intake committer's CPU at 500 deliveries/s (a flight recording of
     * {@code bench/webhooks.sh}'s sweep).
     */
    @SuppressWarnings("unchecked")
    public Set<String> seenAmong(Collection<String> ids) {
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        Set<String> seen = new HashSet<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> parameters = padded(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
            jakarta.persistence.Query query = em.createNativeQuery(seenAmongSql(parameters.size()));
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            ((List<Object>) query.getResultList()).forEach(id -> seen.add((String) id));
        }
        return seen;
    }

    /** {@code ids} (1 to {@value #IDS_PER_QUERY}), the last repeated up to the next power of two. */
    static List<String> padded(List<String> ids) {
        int size = ids.size() == 1 ? 1 : Integer.highestOneBit(ids.size() - 1) << 1;
        List<String> padded = new ArrayList<>(ids);
        padded.addAll(Collections.nCopies(size - ids.size(), ids.get(ids.size() - 1)));
        return padded;
    }

    /** {@link #seenAmong}'s statement for {@code parameters} ids, a power of two. */
    static String seenAmongSql(int parameters) {
        return SEEN_AMONG.get(Integer.numberOfTrailingZeros(parameters));
    }

    /**
     * Records the delivery in the caller's transaction; a concurrent twin fails that transaction's
     * commit on the primary key, which the caller answers as a duplicate.
     */
    public void remember(String id, String platform, String source, String topic) {
        em.persist(new WebhookDelivery(id, platform, source, topic, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /**
     * The latest delivery of each of {@code sources} (shop domains or Page ids) that has one, for the
     * admin console: for each source, the first entry of the index on {@code (SOURCE, RECEIVED_AT)}
     * read backwards, {@value #SOURCES_PER_QUERY} sources to a statement (standard SQL that H2 and
     * PostgreSQL both run: one {@code FETCH FIRST} derived table per source, joined by
     * {@code UNION ALL}). The cost follows the number of connections, not the week of deliveries
     * kept (millions of rows on a busy server; {@code bench/dashboard.sh}).
     */
    @SuppressWarnings("unchecked")
    public Map<String, WebhookDelivery> latestOf(Collection<String> sources) {
        Map<String, WebhookDelivery> latest = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(sources));
        for (int from = 0; from < all.size(); from += SOURCES_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + SOURCES_PER_QUERY));
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT * FROM (SELECT ID, PLATFORM, SOURCE, TOPIC, RECEIVED_AT")
                        .append(" FROM WEBHOOK_DELIVERY WHERE SOURCE = ? ORDER BY RECEIVED_AT DESC FETCH FIRST 1 ROWS ONLY) L").append(i);
            }
            jakarta.persistence.Query query = em.createNativeQuery(sql.toString(), WebhookDelivery.class);
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            ((List<WebhookDelivery>) query.getResultList()).forEach(d -> latest.put(d.source(), d));
        }
        return latest;
    }

    /** The latest deliveries, newest first. */
    public List<WebhookDelivery> recent(int limit) {
        return em.createQuery("select d from WebhookDelivery d order by d.receivedAt desc", WebhookDelivery.class)
                .setMaxResults(limit).getResultList();
    }

    public int purgeOlderThan(Duration age) {
        return em.createNamedQuery(WebhookDelivery.PURGE)
                .setParameter("before", OffsetDateTime.now(ZoneOffset.UTC).minus(age)).executeUpdate();
    }
}

package dev.salesbot.sync.shopify.bulk;

import dev.salesbot.sync.shopify.entity.ShopifyBulkOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code SHOPIFY_BULK_OPERATION} rows, each change in a transaction of its own, committed when
 * the method returns: an operation Shopify accepted is on record before the sync waits for it, so a
 * server killed meanwhile, or the sync parked, leaves it to the next attempt. A part run again keeps
 * its earlier row (its runs are counted across attempts); all go once the snapshot is written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class BulkOperationRows implements BulkCatalogFetch.Records {

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    /** The latest operation of each part (an earlier one of the part failed and was replaced by it). */
    @Override
    public Map<BulkPart, String> of(String shop) {
        Map<BulkPart, String> found = new LinkedHashMap<>();
        rows(shop).forEach(b -> BulkPart.fromName(b.part()).ifPresent(part -> found.put(part, b.id())));
        return found;
    }

    /** Every row of the sync is kept until its snapshot is written: a part's rows count its runs. */
    @Override
    public void started(String shop, BulkPart part, String id) {
        em.persist(new ShopifyBulkOperation(id, shop, part.name(), OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Override
    public Map<BulkPart, Integer> runs(String shop) {
        Map<BulkPart, Integer> runs = new EnumMap<>(BulkPart.class);
        rows(shop).forEach(b -> BulkPart.fromName(b.part()).ifPresent(part -> runs.merge(part, 1, Integer::sum)));
        return runs;
    }

    @Override
    public Optional<Instant> lastStarted(String shop) {
        return rows(shop).stream().map(b -> b.createdAt().toInstant()).max(Instant::compareTo);
    }

    /** Whether the finish webhook came for every operation {@link #of} names (none on record: false). */
    public boolean allFinished(String shop) {
        Map<BulkPart, ShopifyBulkOperation> latest = new EnumMap<>(BulkPart.class);
        rows(shop).forEach(b -> BulkPart.fromName(b.part()).ifPresent(part -> latest.put(part, b)));
        return !latest.isEmpty() && latest.values().stream().allMatch(b -> b.finishedStatus() != null);
    }

    private List<ShopifyBulkOperation> rows(String shop) {
        return em.createQuery("select b from ShopifyBulkOperation b where b.shop = :shop order by b.createdAt", ShopifyBulkOperation.class)
                .setParameter("shop", shop).getResultList();
    }

    @Override
    public Optional<String> finishedStatus(String id) {
        ShopifyBulkOperation row = em.find(ShopifyBulkOperation.class, id);
        return row == null ? Optional.empty() : Optional.ofNullable(row.finishedStatus());
    }

    @Override
    public void forget(String shop) {
        em.createQuery("delete from ShopifyBulkOperation b where b.shop = :shop").setParameter("shop", shop).executeUpdate();
    }

    /** The finish webhook: answers whether the operation is one of ours (a sync waits for it). */
    public boolean finished(String id, String status) {
        ShopifyBulkOperation row = em.find(ShopifyBulkOperation.class, id);
        if (row == null) {
            return false;
        }
        row.finished(status);
        return true;
    }
}

package dev.salesbot.sync.shopify.bulk;

import dev.salesbot.sync.shopify.entity.ShopifyBulkOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code SHOPIFY_BULK_OPERATION} rows, each change in a transaction of its own, committed when
 * the method returns: an operation Shopify accepted is on record before the sync waits for it, so a
 * server killed meanwhile leaves it to the next attempt.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class BulkOperationRows implements BulkCatalogFetch.Records {

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    @Override
    public Map<BulkPart, String> of(String shop) {
        Map<BulkPart, String> found = new LinkedHashMap<>();
        em.createQuery("select b from ShopifyBulkOperation b where b.shop = :shop order by b.createdAt", ShopifyBulkOperation.class)
                .setParameter("shop", shop).getResultList()
                .forEach(b -> BulkPart.fromName(b.part()).ifPresent(part -> found.put(part, b.id())));
        return found;
    }

    @Override
    public void started(String shop, BulkPart part, String id) {
        em.createQuery("delete from ShopifyBulkOperation b where b.shop = :shop and b.part = :part")
                .setParameter("shop", shop).setParameter("part", part.name()).executeUpdate();
        em.persist(new ShopifyBulkOperation(id, shop, part.name(), OffsetDateTime.now(ZoneOffset.UTC)));
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

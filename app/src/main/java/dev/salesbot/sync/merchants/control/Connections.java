package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.merchants.entity.SealedTokens;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored store connections. A shop keeps the merchant UUID it was first given, whichever browser
 * connects it again; a new shop joins the session's merchant, or a new one.
 */
@ApplicationScoped
@Transactional
public class Connections {

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    /** Stores (or re-seals) the connection for {@code shop} and answers its merchant. */
    public UUID connectShop(String shop, Optional<UUID> sessionMerchant, SealedTokens tokens) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<ShopifyConnection> existing = findShop(shop);
        ShopifyConnection connection = existing.orElseGet(
                () -> new ShopifyConnection(shop, sessionMerchant.orElseGet(UUID::randomUUID), now));
        connection.seal(tokens, now);
        if (existing.isEmpty()) {
            // Persisted only once complete: Hibernate (WildFly) inserts the state the entity had at
            // persist(), so a row persisted before seal() breaks the NOT NULL token column.
            em.persist(connection);
        }
        return connection.merchantId();
    }

    public void reseal(String shop, SealedTokens tokens) {
        findShop(shop).ifPresent(c -> c.seal(tokens, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    public Optional<ShopifyConnection> findShop(String shop) {
        return em.createNamedQuery(ShopifyConnection.BY_SHOP, ShopifyConnection.class)
                .setParameter("shop", shop)
                .getResultStream()
                .findFirst();
    }

    public List<ShopifyConnection> allShops() {
        return em.createNamedQuery(ShopifyConnection.ALL, ShopifyConnection.class).getResultList();
    }
}

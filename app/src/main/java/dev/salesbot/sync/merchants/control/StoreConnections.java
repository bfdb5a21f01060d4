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
 * Stored store connections. One store, one merchant UUID, decided by the shop alone: a shop that
 * connected before gets its UUID back from any browser, a shop never seen before gets a new one.
 * Never the browser session's merchant: two stores connected in one browser (or by two people on
 * a shared one) must not share {@code users/<uuid>/shopify/shopify_data.json}.
 */
@ApplicationScoped
@Transactional
public class StoreConnections {

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    /** Stores (or re-seals and re-activates) the connection for {@code shop} and answers its merchant. */
    public UUID connectShop(String shop, SealedTokens tokens) {
        OffsetDateTime now = now();
        Optional<ShopifyConnection> existing = findShop(shop);
        ShopifyConnection connection = existing.orElseGet(() -> new ShopifyConnection(shop, UUID.randomUUID(), now));
        connection.connect(tokens, now);
        if (existing.isEmpty()) {
            // Persisted only once complete: Hibernate (WildFly) inserts the state the entity had at
            // persist(), so a row persisted before connect() breaks the NOT NULL token column.
            em.persist(connection);
        }
        return connection.merchantId();
    }

    /** Replaces the tokens (a refresh) in one update: the access and refresh token never part. */
    public void reseal(String shop, SealedTokens tokens) {
        ShopifyConnection connection = findShop(shop)
                .orElseThrow(() -> new IllegalStateException(shop + " is no longer connected"));
        connection.seal(tokens, now());
    }

    /** Keeps the store out of syncs until the merchant connects it again. */
    public void markNeedsReconnect(String shop, String reason) {
        findShop(shop).ifPresent(c -> c.needsReconnect(reason, now()));
    }

    /** The app was uninstalled: the store's tokens are deleted at once. False if the shop is unknown. */
    public boolean uninstall(String shop) {
        Optional<ShopifyConnection> connection = findShop(shop);
        connection.ifPresent(c -> c.uninstall(now()));
        return connection.isPresent();
    }

    /** Disconnected ({@code reason}: by whom): tokens deleted, no more syncs; false if the shop is unknown. */
    public boolean disconnect(String shop, String reason) {
        Optional<ShopifyConnection> connection = findShop(shop);
        connection.ifPresent(c -> c.disconnect(reason, now()));
        return connection.isPresent();
    }

    /** Every store connection (the admin console lists them). */
    public List<ShopifyConnection> all() {
        return em.createQuery("select c from ShopifyConnection c order by c.shop", ShopifyConnection.class).getResultList();
    }

    public Optional<ShopifyConnection> findById(String id) {
        return Optional.ofNullable(em.find(ShopifyConnection.class, id));
    }

    public Optional<ShopifyConnection> ofMerchant(UUID merchant) {
        return em.createQuery("select c from ShopifyConnection c where c.merchantId = :merchant", ShopifyConnection.class)
                .setParameter("merchant", merchant.toString()).getResultStream().findFirst();
    }

    /** Forgets the store entirely ({@code shop/redact}). */
    public void delete(String shop) {
        findShop(shop).ifPresent(em::remove);
    }

    public void recordWebhooks(String shop, String topics, String problem) {
        findShop(shop).ifPresent(c -> c.webhooksChecked(topics, problem, now()));
    }

    /**
     * Runs {@code work} on the store's row locked for update (a pessimistic write lock:
     * {@code SELECT … FOR UPDATE} on H2 and PostgreSQL alike), in one transaction: another server
     * wanting the same lock waits until this one commits, then reads what it wrote. Changes
     * {@code work} makes to the connection are committed with it. Empty if the store is unknown.
     */
    public <T> Optional<T> withShopLocked(String shop, java.util.function.Function<ShopifyConnection, T> work) {
        return em.createNamedQuery(ShopifyConnection.BY_SHOP, ShopifyConnection.class)
                .setParameter("shop", shop)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .map(work);
    }

    public Optional<ShopifyConnection> findShop(String shop) {
        return em.createNamedQuery(ShopifyConnection.BY_SHOP, ShopifyConnection.class)
                .setParameter("shop", shop)
                .getResultStream()
                .findFirst();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
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
 * Stored Facebook Page connections. Callers pass page ids already validated as digits only and
 * tokens already sealed; this class never sees a plain token. Reads run in a transaction too: on
 * Payara a non-transactional EntityManager is closed with the calling component invocation, and
 * the sync worker's threads share the invocation of the request that woke them, so a read outside
 * a transaction there fails with "closed EntityManager".
 */
@ApplicationScoped
@Transactional
public class PageConnections {

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    /** Stores (or re-seals and re-activates) the connection of {@code pageId} under {@code merchant}. */
    public void connect(String pageId, UUID merchant, String pageName, String sealedPageToken, String facebookUserId) {
        OffsetDateTime now = now();
        Optional<FacebookPageConnection> existing = find(pageId);
        FacebookPageConnection connection = existing.orElseGet(() -> new FacebookPageConnection(pageId, merchant, now));
        connection.connect(merchant, pageName, sealedPageToken, facebookUserId, now);
        if (existing.isEmpty()) {
            // Persisted only once complete: Hibernate (WildFly) inserts the state the entity had at
            // persist(), so a row persisted before connect() breaks the NOT NULL token column.
            em.persist(connection);
        }
    }

    /** Keeps the Page out of syncs until a connect gives it a new token. */
    public void markNeedsReconnect(String pageId, String reason) {
        find(pageId).ifPresent(c -> c.needsReconnect(reason, now()));
    }

    public Optional<FacebookPageConnection> find(String pageId) {
        return em.createNamedQuery(FacebookPageConnection.BY_PAGE, FacebookPageConnection.class)
                .setParameter("pageId", pageId)
                .getResultStream()
                .findFirst();
    }

    /** The Pages the Facebook user {@code userId} (app-scoped, digits only) connected. */
    public List<FacebookPageConnection> ofUser(String userId) {
        return em.createNamedQuery(FacebookPageConnection.BY_USER, FacebookPageConnection.class)
                .setParameter("user", userId)
                .getResultList();
    }

    /** Deletes the tokens of the user's Pages and keeps them out of syncs; answers their ids. */
    public List<String> revokeUser(String userId, String reason) {
        OffsetDateTime now = now();
        List<FacebookPageConnection> pages = ofUser(userId);
        pages.forEach(p -> p.revoke(reason, now));
        return pages.stream().map(FacebookPageConnection::pageId).toList();
    }

    /** Disconnected ({@code reason}: by whom): the Page token deleted, no more syncs; false if it is unknown. */
    public boolean disconnect(String pageId, String reason) {
        Optional<FacebookPageConnection> connection = find(pageId);
        connection.ifPresent(c -> c.disconnect(reason, now()));
        return connection.isPresent();
    }

    /** Every Page connection (the admin console lists them). */
    public List<FacebookPageConnection> all() {
        return em.createQuery("select c from FacebookPageConnection c order by c.pageId", FacebookPageConnection.class).getResultList();
    }

    public Optional<FacebookPageConnection> findById(String id) {
        return Optional.ofNullable(em.find(FacebookPageConnection.class, id));
    }

    /** Forgets the Page entirely (a data-deletion request); false if it was not connected. */
    public boolean delete(String pageId) {
        Optional<FacebookPageConnection> connection = find(pageId);
        connection.ifPresent(em::remove);
        return connection.isPresent();
    }

    public List<FacebookPageConnection> ofMerchant(UUID merchant) {
        return em.createNamedQuery(FacebookPageConnection.BY_MERCHANT, FacebookPageConnection.class)
                .setParameter("merchant", merchant.toString())
                .getResultList();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package dev.salesbot.sync.sync.control;

import dev.salesbot.sync.sync.entity.SyncRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable queue of sync requests (JPA, the platform's default datasource). Every method runs
 * in a transaction, reads included: a non-transactional read on a worker thread leaves Payara's
 * transaction-scoped EntityManager to be closed by whichever invocation context ends first.
 */
@ApplicationScoped
@Transactional
public class SyncRequests {

    /** A request as the worker sees it, detached from the persistence context. */
    public record Due(String id, SyncKind kind, String target, UUID merchant, List<String> productIds, int attempts) {
    }

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    public void add(String id, SyncKind kind, String target, UUID merchant, List<String> productIds) {
        OffsetDateTime now = now();
        em.persist(new SyncRequest(id, kind.name(), target, merchant, productIds, now, now));
    }

    public List<Due> due(int limit) {
        return em.createNamedQuery(SyncRequest.DUE, SyncRequest.class)
                .setParameter("now", now())
                .setMaxResults(limit)
                .getResultStream()
                .map(r -> new Due(r.id(), SyncKind.valueOf(r.kind()), r.target(), r.merchant(), r.productIds(), r.attempts()))
                .toList();
    }

    public void complete(List<String> ids, String outcome, String message) {
        OffsetDateTime now = now();
        ids.forEach(id -> find(id).ifPresent(r -> r.done(outcome, message, now)));
    }

    public void retry(List<String> ids, Duration delay, String error) {
        OffsetDateTime when = now().plus(delay);
        ids.forEach(id -> find(id).ifPresent(r -> r.retryAt(when, error)));
    }

    public void abandon(List<String> ids, String reason) {
        OffsetDateTime now = now();
        ids.forEach(id -> find(id).ifPresent(r -> r.abandon(reason, now)));
    }

    public long pending() {
        return em.createNamedQuery(SyncRequest.COUNT_PENDING, Long.class).getSingleResult();
    }

    public Optional<SyncRequest> find(String id) {
        return Optional.ofNullable(em.find(SyncRequest.class, id));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

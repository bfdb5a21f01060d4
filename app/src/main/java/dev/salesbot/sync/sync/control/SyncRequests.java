package dev.salesbot.sync.sync.control;

import dev.salesbot.sync.sync.entity.SyncRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    private static final System.Logger LOGGER = System.getLogger(SyncRequests.class.getName());

    /** A request as the worker sees it, detached from the persistence context. */
    public record Due(String id, SyncKind kind, String target, int attempts) {
    }

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    public void add(String id, SyncKind kind, String target, UUID merchant) {
        OffsetDateTime now = now();
        em.persist(new SyncRequest(id, kind.name(), target, merchant, now, now));
    }

    /**
     * Up to {@code limit} due requests, oldest first. A row this version cannot read (a kind it
     * does not know) is abandoned here with the reason, so that one bad row never stops the rest.
     */
    public List<Due> due(int limit) {
        List<Due> due = new ArrayList<>();
        for (SyncRequest r : em.createNamedQuery(SyncRequest.DUE, SyncRequest.class)
                .setParameter("now", now())
                .setMaxResults(limit)
                .getResultList()) {
            Optional<SyncKind> kind = kind(r.kind());
            if (kind.isEmpty() || r.target() == null || r.target().isBlank()) {
                LOGGER.log(System.Logger.Level.WARNING, "Sync request {0} is unreadable (kind {1}); abandoned", r.id(), r.kind());
                r.abandon("This request cannot be read by this version of the server (kind " + r.kind() + ").", now());
                continue;
            }
            due.add(new Due(r.id(), kind.get(), r.target(), r.attempts()));
        }
        return due;
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

    /** Deletes requests finished (done or abandoned) before {@code before}; answers how many. */
    public int purgeFinishedBefore(OffsetDateTime before) {
        return em.createNamedQuery(SyncRequest.PURGE_FINISHED).setParameter("before", before).executeUpdate();
    }

    public Optional<SyncRequest> find(String id) {
        return Optional.ofNullable(em.find(SyncRequest.class, id));
    }

    static Optional<SyncKind> kind(String name) {
        try {
            return Optional.of(SyncKind.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

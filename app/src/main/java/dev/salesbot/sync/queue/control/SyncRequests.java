package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.queue.entity.SyncRequest;
import dev.salesbot.sync.queue.leases.LeaseLost;
import dev.salesbot.sync.queue.leases.SyncLeases;
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
import java.util.Set;
import java.util.UUID;

/**
 * The durable queue of sync requests (JPA, the platform's default datasource). Every method runs
 * in a transaction, reads included: a non-transactional read on a worker thread leaves Payara's
 * transaction-scoped EntityManager to be closed by whichever invocation context ends first.
 */
@ApplicationScoped
@Transactional
public class SyncRequests {

    static final int CHUNK = 500;
    private static final System.Logger LOGGER = System.getLogger(SyncRequests.class.getName());

    /**
     * A request as the worker sees it, detached from the persistence context. {@code ranBefore}: it
     * was run and waits, parked or postponed, for its {@code notBefore}.
     */
    public record Due(String id, SyncKind kind, String target, String payload, int attempts,
                      OffsetDateTime createdAt, OffsetDateTime notBefore, boolean ranBefore) {

        public Due(String id, SyncKind kind, String target, String payload, int attempts, OffsetDateTime createdAt,
                   OffsetDateTime notBefore) {
            this(id, kind, target, payload, attempts, createdAt, notBefore, attempts > 0);
        }

        public Due(String id, SyncKind kind, String target, int attempts) {
            this(id, kind, target, null, attempts, OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC));
        }
    }

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    public void add(String id, SyncKind kind, String target, UUID merchant) {
        add(id, kind, target, merchant, null, Duration.ZERO);
    }

    /** A request due {@code after} from now, carrying {@code payload} (a partial sync's change). */
    public void add(String id, SyncKind kind, String target, UUID merchant, String payload, Duration after) {
        OffsetDateTime now = now();
        em.persist(new SyncRequest(id, kind.name(), target, merchant, payload, now, now.plus(after)));
    }

    /**
     * The targets with work to run now, the longest due first ({@link DueTarget#ordered}): a request
     * of a kind that does not coalesce is due, or the target's coalescible changes are ready. Two
     * grouped queries of at most {@code limit} rows each, one row per target (and kind) whatever the
     * number of requests: a burst of changes to one store never hides another store's work, and
     * nothing is loaded until a target runs.
     */
    public List<DueTarget> dueTargets(int limit, Duration maxDelay) {
        OffsetDateTime now = now();
        List<String> coalescible = java.util.Arrays.stream(SyncKind.values()).filter(SyncKind::coalescible).map(SyncKind::name).toList();
        List<Object[]> due = em.createNamedQuery(SyncRequest.DUE_TARGETS, Object[].class).setParameter("now", now)
                .setParameter("coalescible", coalescible).setMaxResults(limit).getResultList();
        List<Object[]> ready = em.createNamedQuery(SyncRequest.READY_CHANGES, Object[].class).setParameter("now", now)
                .setParameter("overdue", now.minus(maxDelay)).setParameter("coalescible", coalescible).setMaxResults(limit)
                .getResultList();
        return DueTarget.ordered(due, ready, now, maxDelay);
    }

    /**
     * Every pending request of {@code target}, due or not, oldest first (the rows a coalesced task
     * closes). A row this version cannot read (a kind it does not know, no target) is abandoned here
     * with the reason, so that one bad row never stops the rest.
     */
    public List<Due> pendingOf(String target) {
        List<Due> pending = new ArrayList<>();
        for (SyncRequest r : em.createNamedQuery(SyncRequest.PENDING_OF, SyncRequest.class)
                .setParameter("target", target).getResultList()) {
            Optional<SyncKind> kind = kind(r.kind());
            if (kind.isEmpty() || r.target() == null || r.target().isBlank()) {
                LOGGER.log(System.Logger.Level.WARNING, "Sync request {0} is unreadable (kind {1}); abandoned", r.id(), r.kind());
                r.abandon("This request cannot be read by this version of the server (kind " + r.kind() + ").", now());
                continue;
            }
            pending.add(due(r, kind.get()));
        }
        return pending;
    }

    /** Ends every pending request of {@code target} with {@code reason} (an uninstall); answers how many. */
    public int abandonPendingOf(String target, String reason) {
        return em.createNamedQuery(SyncRequest.ABANDON_PENDING_OF).setParameter("target", target)
                .setParameter("reason", reason).setParameter("now", now()).executeUpdate();
    }

    private static Due due(SyncRequest r, SyncKind kind) {
        return new Due(r.id(), kind, r.target(), r.payload(), r.attempts(), r.createdAt(), r.notBefore(),
                r.attempts() > 0 || r.message() != null);
    }

    /**
     * Closes the requests a task ran, in the transaction that confirms the task's lease
     * ({@link SyncLeases.Lease#confirmWithin()}): a server that lost it records nothing
     * ({@link LeaseLost}), and the requests stay the new holder's. The same for {@link #retry} and
     * {@link #abandon}.
     */
    public void complete(SyncLeases.Lease lease, List<String> ids, String outcome, String message) {
        lease.confirmWithin();
        close(ids, SyncRequest.State.DONE, outcome, message);
    }

    public void retry(SyncLeases.Lease lease, List<String> ids, Duration delay, String error) {
        lease.confirmWithin();
        OffsetDateTime when = now().plus(delay);
        inChunks(ids, chunk -> em.createNamedQuery(SyncRequest.RETRY).setParameter("ids", chunk).setParameter("when", when)
                .setParameter("message", SyncRequest.clip(error)).executeUpdate());
    }

    /**
     * Parks the requests a task ran: due again after {@code recheck} with {@code message} saying
     * what they wait for; their attempts unchanged (nothing failed).
     */
    public void park(SyncLeases.Lease lease, List<String> ids, Duration recheck, String message) {
        lease.confirmWithin();
        OffsetDateTime when = now().plus(recheck);
        inChunks(ids, chunk -> em.createNamedQuery(SyncRequest.PARK).setParameter("ids", chunk).setParameter("when", when)
                .setParameter("message", SyncRequest.clip(message)).executeUpdate());
    }

    /**
     * Makes the waiting requests (parked or postponed) of {@code target} of these kinds due now:
     * what they waited for on the platform is done. Answers how many.
     */
    public int resume(String target, Set<SyncKind> kinds) {
        return em.createNamedQuery(SyncRequest.RESUME).setParameter("target", target)
                .setParameter("kinds", kinds.stream().map(SyncKind::name).toList()).setParameter("now", now()).executeUpdate();
    }

    public void abandon(SyncLeases.Lease lease, List<String> ids, String reason) {
        lease.confirmWithin();
        close(ids, SyncRequest.State.ABANDONED, "failed", reason);
    }

    private void close(List<String> ids, SyncRequest.State state, String outcome, String message) {
        OffsetDateTime now = now();
        inChunks(ids, chunk -> em.createNamedQuery(SyncRequest.CLOSE).setParameter("ids", chunk).setParameter("state", state)
                .setParameter("outcome", outcome).setParameter("message", SyncRequest.clip(message)).setParameter("now", now)
                .executeUpdate());
    }

    /** One bulk update per {@value #CHUNK} ids: a task may close thousands of coalesced changes. */
    private static void inChunks(List<String> ids, java.util.function.Consumer<List<String>> update) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            update.accept(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
    }

    /** Deletes requests finished (done or abandoned) before {@code before}; answers how many. */
    public int purgeFinishedBefore(OffsetDateTime before) {
        return em.createNamedQuery(SyncRequest.PURGE_FINISHED).setParameter("before", before).executeUpdate();
    }

    /**
     * The queue at a glance: pending requests, those being retried (and their attempts), and the
     * oldest pending request's creation and the oldest due one's {@code notBefore} (null when none;
     * a request waiting behind its target's parked or postponed task is not due).
     */
    public record Queue(long pending, long retrying, long retries, OffsetDateTime oldestCreatedAt, OffsetDateTime oldestDueSince) {
    }

    public Queue queue() {
        Object[] row = em.createQuery("select count(r), sum(case when r.attempts > 0 then 1 else 0 end), sum(r.attempts),"
                + " min(r.createdAt) from SyncRequest r where r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING",
                Object[].class).getSingleResult();
        // What waits behind a parked or postponed task of its target is not due yet (SyncWorker.group).
        OffsetDateTime oldestDue = em.createQuery("select min(r.notBefore) from SyncRequest r"
                + " where r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING and r.notBefore <= :now"
                + " and not exists (select w.id from SyncRequest w where w.target = r.target"
                + " and w.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING and w.notBefore > :now"
                + " and (w.message is not null or w.attempts > 0))",
                OffsetDateTime.class).setParameter("now", now()).getSingleResult();
        return new Queue(number(row[0]), number(row[1]), number(row[2]), (OffsetDateTime) row[3], oldestDue);
    }

    /** The latest finished requests, newest first (for the admin console's recent events). */
    public List<SyncRequest> recentlyFinished(int limit) {
        return em.createQuery("select r from SyncRequest r where r.finishedAt is not null order by r.finishedAt desc", SyncRequest.class)
                .setMaxResults(limit).getResultList();
    }

    /** Pending requests whose last attempt failed, the latest attempt first. */
    public List<SyncRequest> retrying(int limit) {
        return em.createQuery("select r from SyncRequest r where r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING"
                + " and r.attempts > 0 order by r.notBefore desc", SyncRequest.class).setMaxResults(limit).getResultList();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
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

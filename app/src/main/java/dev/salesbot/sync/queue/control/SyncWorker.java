package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.queue.leases.Fence;
import dev.salesbot.sync.queue.leases.LeaseLost;
import dev.salesbot.sync.queue.leases.SyncLeases;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs due sync requests: once a second ({@link SyncClock}) and whenever woken, it reads what is
 * due (the longest due first), coalesces the requests of one target into one task, runs at most
 * {@code SYNC_CONCURRENCY} tasks at a time — whole reads at most all but one while other work is
 * due — and never two for the same target, and closes, postpones (capped exponential backoff,
 * without limit: accepted work is not dropped), parks ({@link SyncParked}: no attempt counted, no
 * slot held) or abandons them. Every throwable a handler lets escape, errors included, backs off;
 * the worker itself survives it. Pending requests left by a restart are simply due again. Finished
 * requests are kept {@code SYNC_HISTORY_DAYS}. Callers waiting for a request are
 * {@link SyncWaits}'; the worker tells them how each run ended.
 */
@ApplicationScoped
public class SyncWorker {

    private static final System.Logger LOGGER = System.getLogger(SyncWorker.class.getName());
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    @Resource
    ManagedExecutorService executor;

    private SyncRequests requests;
    private Instance<SyncHandler> handlers;
    /** Claims through the database, so that servers sharing it never run one target at once. */
    private SyncLeases leases;
    /** Each run's end, for the targets' status and the metrics. */
    private Event<SyncAttempt> attempts;
    private SyncWaits waits;
    private int historyDays;
    /** A coalescible target runs at the latest this long after its first pending change, quiet or not. */
    private int maxDelaySeconds;

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Those of {@link #running} whose task is a whole read ({@link SyncKind#whole()}). */
    private final Set<String> runningWhole = ConcurrentHashMap.newKeySet();
    /** The leases of the targets this server runs now, renewed on their own schedule ({@link #renewLeases()}). */
    private final Map<String, SyncLeases.Lease> held = new ConcurrentHashMap<>();
    /** Targets another server held when this one tried, not tried again before the time given. */
    private final Map<String, Instant> heldElsewhere = new ConcurrentHashMap<>();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile Instant nextPurge = Instant.EPOCH;
    private volatile Instant lastTick;
    private volatile Instant nextRenewal = Instant.EPOCH;
    private Semaphore slots;
    private int concurrency;

    protected SyncWorker() {
        // for the CDI proxy
    }

    @Inject
    public SyncWorker(SyncRequests requests, @Any Instance<SyncHandler> handlers, SyncLeases leases, Event<SyncAttempt> attempts,
                      SyncWaits waits,
                      @ConfigProperty(name = "SYNC_CONCURRENCY", defaultValue = "2") int concurrency,
                      @ConfigProperty(name = "SYNC_HISTORY_DAYS", defaultValue = "7") int historyDays,
                      @ConfigProperty(name = "WEBHOOK_MAX_DELAY_SECONDS", defaultValue = "20") int maxDelaySeconds) {
        this.requests = requests;
        this.handlers = handlers;
        this.leases = leases;
        this.attempts = attempts;
        this.waits = waits;
        this.historyDays = historyDays;
        this.maxDelaySeconds = maxDelaySeconds;
        this.concurrency = Math.max(1, concurrency);
        this.slots = new Semaphore(this.concurrency);
    }

    /** Looks for due work now rather than at the next tick. */
    public void wake() {
        try {
            executor.execute(this::tick);
        } catch (RuntimeException e) {
            // The executor is full or shutting down: the clock's next tick finds the work.
            LOGGER.log(System.Logger.Level.DEBUG, "Wake-up refused by the executor: {0}", e.toString());
        }
    }

    void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        lastTick = Instant.now();
        try {
            housekeeping();
            Instant now = Instant.now();
            // Whole reads that would take the slot kept for other work: they get what is left at the end.
            List<String> deferred = new java.util.ArrayList<>();
            for (DueTarget due : requests.dueTargets(500, Duration.ofSeconds(maxDelaySeconds))) {
                if (slots.availablePermits() == 0) {
                    break; // every slot busy: a finishing task wakes the worker again
                }
                if (busy(due.target(), now)) {
                    continue;
                }
                if (due.whole() && wholeReadsAtTheirShare()) {
                    deferred.add(due.target());
                    continue;
                }
                if (start(due.target(), deferred) == Start.REFUSED) {
                    return;
                }
            }
            // No other work took the remaining slots: whole reads may have them all.
            for (String target : deferred) {
                if (slots.availablePermits() == 0 || start(target, null) == Start.REFUSED) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Sync worker could not read pending requests: {0}", e.getMessage());
        } finally {
            ticking.set(false);
        }
    }

    private enum Start { STARTED, NOTHING, REFUSED }

    private boolean busy(String target, Instant now) {
        Instant elsewhere = heldElsewhere.get(target);
        return running.contains(target) || (elsewhere != null && elsewhere.isAfter(now));
    }

    /**
     * Fair slots: with {@code SYNC_CONCURRENCY} of 2 or more, whole reads (a store's full sync, a
     * Page) together take at most all slots but one while other work is due, so that webhook
     * changes and deletions always find one.
     */
    private boolean wholeReadsAtTheirShare() {
        return concurrency >= 2 && runningWhole.size() >= concurrency - 1;
    }

    /**
     * Starts the target's task if it has one ready and a slot is free; a whole read that would take
     * the kept slot goes to {@code deferred} instead (null: it may take it).
     */
    private Start start(String target, List<String> deferred) {
        List<SyncRequests.Due> group = group(requests.pendingOf(target), OffsetDateTime.now(ZoneOffset.UTC),
                Duration.ofSeconds(maxDelaySeconds));
        if (group.isEmpty()) {
            return Start.NOTHING;
        }
        boolean whole = kind(group).whole();
        if (whole && deferred != null && wholeReadsAtTheirShare()) {
            deferred.add(target);
            return Start.NOTHING;
        }
        if (!slots.tryAcquire()) {
            return Start.NOTHING;
        }
        running.add(target);
        if (whole) {
            runningWhole.add(target);
        }
        try {
            executor.execute(() -> {
                try {
                    claimAndRun(target, group);
                } finally {
                    release(target);
                    // A slot is free: due work (a poll's hundreds of targets) starts now, not at the next clock tick.
                    wake();
                }
            });
            return Start.STARTED;
        } catch (RuntimeException e) {
            release(target);
            LOGGER.log(System.Logger.Level.WARNING, "The executor refused a sync task ({0}); the next tick tries again", e.toString());
            return Start.REFUSED;
        }
    }

    private void release(String target) {
        runningWhole.remove(target);
        running.remove(target);
        slots.release();
    }

    /**
     * Runs the target's group once this server holds its lease, then gives the lease up. The
     * pending requests are read again after the claim: another server may have closed some of
     * them between this server's read and its claim.
     */
    private void claimAndRun(String target, List<SyncRequests.Due> group) {
        Optional<SyncLeases.Lease> claimed;
        try {
            claimed = leases.claim(target);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Could not claim {0} ({1}); the next tick tries again", target, e.toString());
            return;
        }
        if (claimed.isEmpty()) {
            heldElsewhere.put(target, Instant.now().plusSeconds(2));
            return;
        }
        SyncLeases.Lease lease = claimed.get();
        heldElsewhere.remove(target);
        held.put(target, lease);
        try {
            List<SyncRequests.Due> fresh = group(requests.pendingOf(target), OffsetDateTime.now(ZoneOffset.UTC),
                    Duration.ofSeconds(maxDelaySeconds));
            if (!fresh.isEmpty()) {
                run(fresh, lease);
            }
        } finally {
            held.remove(target);
            try {
                leases.release(lease);
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.WARNING, "Could not release the lease of {0} ({1}); it expires by itself", target, e.toString());
            }
        }
    }

    /** When the worker last looked for due work (null before its first look), for the health checks. */
    public Optional<Instant> lastTick() {
        return Optional.ofNullable(lastTick);
    }

    /** Targets this server is running now (their leases are renewed while they run). */
    Set<String> running() {
        return Set.copyOf(running);
    }

    /** Whether this server runs {@code target} now. */
    boolean isRunning(String target) {
        return running.contains(target);
    }

    /**
     * Renews the leases of the targets this server runs, every third of a lease, on a timer of its
     * own ({@link SyncClock}): never behind the worker's reads and purges. A lease this server no
     * longer holds is lost for good: its task stops at its next write ({@link LeaseLost}).
     */
    void renewLeases() {
        Instant now = Instant.now();
        if (held.isEmpty() || !now.isAfter(nextRenewal)) {
            return;
        }
        nextRenewal = now.plus(leases.lease().dividedBy(3));
        for (SyncLeases.Lease lease : List.copyOf(held.values())) {
            try {
                // A task that ended meanwhile gave its lease up: that is no loss.
                if (!lease.lost() && !lease.renew() && held.get(lease.target()) == lease) {
                    LOGGER.log(System.Logger.Level.WARNING, "Lost the lease of {0}: another server may run it now; this server"
                            + " stops its task before its next write", lease);
                }
            } catch (RuntimeException e) {
                // The database is unreachable: the lease may run out; the next write's confirmation decides.
                LOGGER.log(System.Logger.Level.WARNING, "Could not renew the lease of {0} ({1}); retrying", lease, e.toString());
                nextRenewal = now.plusSeconds(1);
            }
        }
    }

    private void housekeeping() {
        Instant now = Instant.now();
        waits.dropStale();
        heldElsewhere.values().removeIf(until -> !until.isAfter(now));
        if (now.isAfter(nextPurge)) {
            nextPurge = now.plus(PURGE_EVERY);
            int purged = requests.purgeFinishedBefore(OffsetDateTime.now(ZoneOffset.UTC).minusDays(Math.max(1, historyDays)));
            if (purged > 0) {
                LOGGER.log(System.Logger.Level.INFO, "Purged {0} sync requests finished more than {1} days ago", purged, historyDays);
            }
        }
    }

    /**
     * The requests a task for one target closes now, of all its pending ones, or none if it must
     * wait: without coalescible changes, those due; with them, all of them once the last one's quiet
     * window has passed, or once the first is {@code WEBHOOK_MAX_DELAY_SECONDS} old, whichever comes
     * first (a due full sync or redaction does not wait). A deletion takes only the requests made
     * up to it; those made after it wait for it. Requests that were run before and wait (parked or
     * postponed) run again together once due, or at once with a due whole read asked since; changes
     * asked since wait for them.
     */
    static List<SyncRequests.Due> group(List<SyncRequests.Due> pending, OffsetDateTime now, Duration maxDelay) {
        Optional<SyncRequests.Due> erasure = pending.stream().filter(d -> d.kind().erases())
                .max(java.util.Comparator.comparing(SyncRequests.Due::createdAt));
        if (erasure.isPresent()) {
            // A deletion closes what was asked up to it, at once when due; what was asked after it
            // (a reconnect's full sync) waits for it, even while it backs off, and runs after it.
            OffsetDateTime asked = erasure.get().createdAt();
            return erasure.get().notBefore().isAfter(now) ? List.of()
                    : pending.stream().filter(d -> !d.createdAt().isAfter(asked)).toList();
        }
        List<SyncRequests.Due> waiting = pending.stream().filter(SyncRequests.Due::ranBefore).toList();
        if (!waiting.isEmpty()) {
            // A task that was parked or postponed runs again as it was, once due, or at once with a
            // whole read asked since (a poll, "sync now"); changes asked since wait for it: a bulk read
            // that began before them must not close them unread.
            List<SyncRequests.Due> whole = pending.stream().filter(d -> !d.ranBefore() && !d.kind().coalescible()
                    && !d.notBefore().isAfter(now)).toList();
            if (!whole.isEmpty()) {
                return java.util.stream.Stream.concat(waiting.stream(), whole.stream()).toList();
            }
            return waiting.stream().anyMatch(d -> d.notBefore().isAfter(now)) ? List.of() : waiting;
        }
        if (pending.stream().noneMatch(d -> d.kind().coalescible())) {
            return pending.stream().filter(d -> !d.notBefore().isAfter(now)).toList();
        }
        return ready(pending, now, maxDelay) ? pending : List.of();
    }

    static boolean ready(List<SyncRequests.Due> pending, OffsetDateTime now, Duration maxDelay) {
        if (pending.isEmpty()) {
            return false;
        }
        boolean quiet = pending.stream().allMatch(d -> !d.notBefore().isAfter(now));
        boolean overdue = pending.stream().map(SyncRequests.Due::createdAt).min(OffsetDateTime::compareTo)
                .map(first -> !first.plus(maxDelay).isAfter(now)).orElse(false);
        boolean urgent = pending.stream().anyMatch(d -> !d.kind().coalescible() && !d.notBefore().isAfter(now));
        return quiet || overdue || urgent;
    }

    /**
     * One task for a group, of the kind of highest {@link SyncKind#rank()} (the first of those if
     * several): an erasure swallows everything asked before it, a full sync partial ones; the attempt
     * is the group's highest, the payloads all the group's own.
     */
    static SyncTask task(List<SyncRequests.Due> group, Fence fence) {
        SyncKind kind = kind(group);
        int attempt = group.stream().mapToInt(SyncRequests.Due::attempts).max().orElse(0) + 1;
        List<String> payloads = group.stream().map(SyncRequests.Due::payload).filter(java.util.Objects::nonNull).toList();
        OffsetDateTime requestedAt = group.stream().map(SyncRequests.Due::createdAt).max(OffsetDateTime::compareTo).orElseThrow();
        return new SyncTask(kind, group.get(0).target(), payloads, attempt, requestedAt, fence);
    }

    /** The kind of a group's task: the highest-ranked of its requests' kinds. */
    static SyncKind kind(List<SyncRequests.Due> group) {
        return group.stream().map(SyncRequests.Due::kind).max(java.util.Comparator.comparingInt(SyncKind::rank)).orElseThrow();
    }

    /**
     * Never throws: whatever the handler does, the group ends closed, abandoned, postponed or parked
     * — or, when this server lost the lease, untouched, for the server that holds it now.
     */
    void run(List<SyncRequests.Due> group, SyncLeases.Lease lease) {
        SyncTask task = task(group, lease::confirm);
        List<String> ids = group.stream().map(SyncRequests.Due::id).toList();
        long started = System.nanoTime();
        SyncResult result;
        try {
            result = handler(task.kind()).run(task);
        } catch (LeaseLost e) {
            lost(task, e);
            return;
        } catch (SyncAbandoned e) {
            if (!record(() -> requests.abandon(lease, ids, e.getMessage()), task)) {
                return;
            }
            LOGGER.log(System.Logger.Level.WARNING, "Sync of {0} abandoned: {1}", task.target(), e.getMessage());
            waits.settle(ids, SyncOutcome.failed(e.getMessage()));
            attempted(task, SyncAttempt.Result.ABANDONED, e.getMessage(), started, null);
            return;
        } catch (SyncParked e) {
            if (!record(() -> requests.park(lease, ids, e.recheck(), e.getMessage()), task)) {
                return;
            }
            LOGGER.log(System.Logger.Level.INFO, "Sync of {0} parked, looked at again in {1} s or when the platform says it is"
                    + " done: {2}", task.target(), Math.max(1, e.recheck().toSeconds()), e.getMessage());
            waits.delayed(ids, e.getMessage());
            attempted(task, SyncAttempt.Result.PARKED, e.getMessage(), started, null);
            return;
        } catch (SyncPostponed e) {
            Duration delay = backoff(task.attempt());
            if (e.retryAfter().isPresent() && e.retryAfter().get().compareTo(delay) > 0) {
                delay = e.retryAfter().get();
            }
            String cause = e.getCause() == null ? "" : " (" + e.getCause() + ")";
            LOGGER.log(System.Logger.Level.WARNING, "Sync of {0} postponed (attempt {1}), retrying in {2} s: {3}{4}",
                    task.target(), task.attempt(), delay.toSeconds(), e.getMessage(), cause);
            postpone(lease, ids, task, delay, e.getMessage());
            attempted(task, SyncAttempt.Result.POSTPONED, e.getMessage(), started, null);
            return;
        } catch (Throwable e) {
            String reference = "urn:uuid:" + UUID.randomUUID();
            Duration delay = backoff(task.attempt());
            LOGGER.log(System.Logger.Level.ERROR, "Sync of " + task.target() + " failed unexpectedly (" + reference
                    + ", attempt " + task.attempt() + "), retrying in " + delay.toSeconds() + " s", e);
            String reason = "An unexpected error interrupted the sync (reference " + reference
                    + "); the operator can find it in the server log.";
            postpone(lease, ids, task, delay, reason);
            attempted(task, SyncAttempt.Result.POSTPONED, reason, started, null);
            return;
        }
        if (!record(() -> requests.complete(lease, ids, result.status(), result.message()), task)) {
            return;
        }
        waits.settle(ids, SyncOutcome.done(result));
        attempted(task, result.written() ? SyncAttempt.Result.WRITTEN : SyncAttempt.Result.UNCHANGED, result.message(),
                started, result.summary());
    }

    /** Tells the observers; what they fail at is logged, never the sync's concern. */
    private void attempted(SyncTask task, SyncAttempt.Result result, String message, long startedNanos, jakarta.json.JsonObject summary) {
        try {
            attempts.fire(new SyncAttempt(task.kind(), task.target(), result, message,
                    Duration.ofNanos(System.nanoTime() - startedNanos), summary));
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Could not record the status of the sync of {0}: {1}", task.target(), e.toString());
        }
    }

    private void postpone(SyncLeases.Lease lease, List<String> ids, SyncTask task, Duration delay, String reason) {
        if (!record(() -> requests.retry(lease, ids, delay, reason), task)) {
            return;
        }
        waits.delayed(ids, reason + " Retrying automatically in " + delay.toSeconds() + " s.");
    }

    /**
     * False when the outcome was not recorded because this server lost the lease (the task then
     * ends as {@link #lost}). A failure to record it leaves the rows pending: they are simply due again.
     */
    private static boolean record(Runnable write, SyncTask task) {
        try {
            write.run();
        } catch (LeaseLost e) {
            lost(task, e);
            return false;
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Could not record the outcome of the sync of {0}; it stays pending: {1}",
                    task.target(), e.toString());
        }
        return true;
    }

    /** The task stopped without writing or recording anything more: its requests are the new holder's. */
    private static void lost(SyncTask task, LeaseLost e) {
        LOGGER.log(System.Logger.Level.WARNING, "Sync of {0} stopped: {1}. Nothing more was written or recorded; the server"
                + " that holds the lease now runs its requests.", task.target(), e.getMessage());
    }

    private SyncHandler handler(SyncKind kind) {
        for (SyncHandler h : handlers) {
            if (h.kind() == kind) {
                return h;
            }
        }
        throw new SyncAbandoned("This server has no handler for " + kind + " syncs.");
    }

    /** 1 s, 2 s, 4 s … capped at 5 minutes, with jitter so that retries of many targets spread out. */
    static Duration backoff(int attempt) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(Math.max(attempt, 1) - 1, 20));
        long jitter = (long) (seconds * 0.2 * Math.random());
        return Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), seconds + jitter));
    }
}

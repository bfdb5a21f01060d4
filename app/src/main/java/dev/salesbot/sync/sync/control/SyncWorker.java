package dev.salesbot.sync.sync.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs due sync requests: once a second ({@link SyncClock}) and whenever woken, it reads what is due, coalesces the
 * requests of one target into one task, runs at most {@code SYNC_CONCURRENCY} tasks at a time and
 * never two for the same target, and closes, retries (with capped exponential backoff, forever:
 * accepted work is not dropped) or abandons them. Pending requests left by a restart are simply
 * due again. Single instance: a cluster would need row claims (see package-info).
 */
@ApplicationScoped
public class SyncWorker {

    private static final System.Logger LOGGER = System.getLogger(SyncWorker.class.getName());
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Resource
    ManagedExecutorService executor;

    @Inject
    SyncRequests requests;

    @Inject
    @Any
    Instance<SyncHandler> handlers;

    @Inject
    @ConfigProperty(name = "SYNC_CONCURRENCY", defaultValue = "2")
    int concurrency;

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<SyncOutcome>> waiters = new ConcurrentHashMap<>();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private Semaphore slots;

    @PostConstruct
    void init() {
        slots = new Semaphore(Math.max(1, concurrency));
    }

    /** Looks for due work now rather than at the next tick. */
    public void wake() {
        executor.execute(this::tick);
    }

    void expect(String id) {
        waiters.put(id, new CompletableFuture<>());
    }

    SyncOutcome await(String id, Duration wait) {
        CompletableFuture<SyncOutcome> future = waiters.computeIfAbsent(id, k -> new CompletableFuture<>());
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return SyncOutcome.pending("Still working after " + wait.toSeconds() + " s; the snapshot will be written when it finishes.");
        } catch (ExecutionException e) {
            return SyncOutcome.pending("The sync is being retried: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SyncOutcome.pending("Interrupted while waiting; the sync continues.");
        } finally {
            waiters.remove(id);
        }
    }

    void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            for (List<SyncRequests.Due> group : coalesce(requests.due(500))) {
                String target = group.get(0).target();
                if (running.contains(target) || !slots.tryAcquire()) {
                    continue;
                }
                running.add(target);
                executor.execute(() -> {
                    try {
                        run(group);
                    } finally {
                        running.remove(target);
                        slots.release();
                    }
                });
            }
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Sync worker could not read pending requests: {0}", e.getMessage());
        } finally {
            ticking.set(false);
        }
    }

    /** Groups due requests by target; a full sync swallows partial ones for the same target. */
    static List<List<SyncRequests.Due>> coalesce(List<SyncRequests.Due> due) {
        Map<String, List<SyncRequests.Due>> byTarget = new LinkedHashMap<>();
        due.forEach(d -> byTarget.computeIfAbsent(d.target(), k -> new ArrayList<>()).add(d));
        return new ArrayList<>(byTarget.values());
    }

    static SyncTask task(List<SyncRequests.Due> group) {
        SyncRequests.Due first = group.get(0);
        boolean full = group.stream().anyMatch(d -> d.kind() == SyncKind.SHOPIFY_FULL);
        SyncKind kind = full ? SyncKind.SHOPIFY_FULL : first.kind();
        List<String> products = kind == SyncKind.SHOPIFY_PRODUCTS
                ? group.stream().flatMap(d -> d.productIds().stream()).distinct().toList()
                : List.of();
        int attempt = group.stream().mapToInt(SyncRequests.Due::attempts).max().orElse(0) + 1;
        return new SyncTask(kind, first.target(), first.merchant(), products, attempt);
    }

    private void run(List<SyncRequests.Due> group) {
        SyncTask task = task(group);
        List<String> ids = group.stream().map(SyncRequests.Due::id).toList();
        try {
            SyncResult result = handler(task.kind()).run(task);
            requests.complete(ids, result.status(), result.message());
            settle(ids, SyncOutcome.done(result));
        } catch (SyncAbandoned e) {
            requests.abandon(ids, e.getMessage());
            LOGGER.log(System.Logger.Level.WARNING, "Sync of {0} abandoned: {1}", task.target(), e.getMessage());
            settle(ids, SyncOutcome.failed(e.getMessage()));
        } catch (RuntimeException e) {
            Duration delay = backoff(task.attempt());
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            requests.retry(ids, delay, reason);
            LOGGER.log(System.Logger.Level.WARNING, "Sync of {0} failed (attempt {1}), retrying in {2} s: {3}",
                    task.target(), task.attempt(), delay.toSeconds(), reason);
            settle(ids, SyncOutcome.pending(reason + " — retrying automatically in " + delay.toSeconds() + " s."));
        }
    }

    private void settle(List<String> ids, SyncOutcome outcome) {
        ids.forEach(id -> {
            CompletableFuture<SyncOutcome> waiter = waiters.get(id);
            if (waiter != null) {
                waiter.complete(outcome);
            }
        });
    }

    private SyncHandler handler(SyncKind kind) {
        for (SyncHandler h : handlers) {
            if (h.kind() == kind) {
                return h;
            }
        }
        throw new SyncAbandoned("no handler for " + kind);
    }

    /** 1 s, 2 s, 4 s … capped at 5 minutes, with jitter so that retries of many targets spread out. */
    static Duration backoff(int attempt) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempt - 1, 20));
        long jitter = (long) (seconds * 0.2 * Math.random());
        return Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), seconds + jitter));
    }
}

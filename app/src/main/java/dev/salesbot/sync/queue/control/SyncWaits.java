package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.queue.entity.SyncRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Callers waiting for their requests (a connect answering a browser): a waiter is registered
 * before its request is recorded, so no outcome can slip past it; the worker settles it when this
 * server runs the request, or tells it why the request was postponed or parked (still running,
 * waiting for the platform); a request another server ran
 * is read from its row. A waiter nobody collects (its caller gave up) is dropped after
 * {@link #WAITER_LIFETIME}.
 */
@ApplicationScoped
public class SyncWaits {

    /** A waiter nobody collected (its caller gave up) is dropped after this. */
    static final Duration WAITER_LIFETIME = Duration.ofMinutes(15);
    /** How often a waiting caller also reads its request's row: another server may have run it. */
    static final Duration AWAIT_SLICE = Duration.ofMillis(500);

    /** A caller waiting for a request; {@code lastDelay} is why its last run did not finish it (postponed or parked), if any. */
    private static final class Waiter {
        final CompletableFuture<SyncOutcome> future = new CompletableFuture<>();
        final Instant since = Instant.now();
        volatile String lastDelay;
    }

    private final Map<String, Waiter> waiters = new ConcurrentHashMap<>();
    private SyncRequests requests;

    protected SyncWaits() {
        // for the CDI proxy
    }

    @Inject
    public SyncWaits(SyncRequests requests) {
        this.requests = requests;
    }

    void expect(String id) {
        waiters.put(id, new Waiter());
    }

    void forget(String id) {
        waiters.remove(id);
    }

    /** How many callers' waiters are held (for tests: none may leak). */
    int waiting() {
        return waiters.size();
    }

    /**
     * Waits until the request is done or abandoned, or {@code wait} has passed: a postponed or
     * parked attempt does not end the wait (its next run may well finish within it), but its reason
     * is what a caller whose wait runs out is told ({@code pending}). {@code runningHere} says whether this server runs a
     * target now: its run settles the waiter itself, with the snapshot in memory.
     */
    SyncOutcome await(String id, Duration wait, Predicate<String> runningHere) {
        Waiter waiter = waiters.computeIfAbsent(id, k -> new Waiter());
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                try {
                    return waiter.future.get(Math.max(0, Math.min(left, AWAIT_SLICE.toNanos())), TimeUnit.NANOSECONDS);
                } catch (TimeoutException slice) {
                    Optional<SyncOutcome> elsewhere = closedElsewhere(id, waiter, runningHere);
                    if (elsewhere.isPresent()) {
                        return elsewhere.get();
                    }
                    if (left <= AWAIT_SLICE.toNanos()) {
                        throw slice;
                    }
                }
            }
        } catch (TimeoutException e) {
            String delayed = waiter.lastDelay;
            return SyncOutcome.pending(delayed != null ? delayed
                    : "Still working after " + wait.toSeconds() + " s; the snapshot will be written when it finishes.");
        } catch (ExecutionException e) {
            return SyncOutcome.pending("The sync is being retried.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SyncOutcome.pending("Interrupted while waiting; the sync continues.");
        } finally {
            waiters.remove(id);
        }
    }

    /**
     * The outcome of a request another server ran (servers share the queue, and the caller's
     * waiter lives only here): read from its row once it is closed and this server is not running
     * its target.
     */
    private Optional<SyncOutcome> closedElsewhere(String id, Waiter waiter, Predicate<String> runningHere)
            throws ExecutionException, InterruptedException {
        Optional<SyncRequest> row;
        try {
            row = requests.find(id).filter(r -> r.state() != SyncRequest.State.PENDING);
        } catch (RuntimeException e) {
            return Optional.empty(); // the database is busy or down: the wait goes on, bounded
        }
        if (row.isEmpty() || runningHere.test(row.get().target())) {
            return Optional.empty();
        }
        if (waiter.future.isDone()) {
            return Optional.of(waiter.future.get());
        }
        SyncRequest closed = row.get();
        return Optional.of(closed.state() == SyncRequest.State.DONE
                ? new SyncOutcome(closed.outcome(), closed.message(), null)
                : SyncOutcome.failed(closed.message()));
    }

    /** The requests ran here and ended: their callers get the outcome. */
    void settle(List<String> ids, SyncOutcome outcome) {
        ids.forEach(id -> {
            Waiter waiter = waiters.get(id);
            if (waiter != null) {
                waiter.future.complete(outcome);
            }
        });
    }

    /** The requests were postponed or parked: their callers, if their wait runs out, are told {@code told}. */
    void delayed(List<String> ids, String told) {
        ids.forEach(id -> {
            Waiter waiter = waiters.get(id);
            if (waiter != null) {
                waiter.lastDelay = told;
            }
        });
    }

    /** Drops the waiters nobody collected. */
    void dropStale() {
        Instant now = Instant.now();
        waiters.entrySet().removeIf(e -> e.getValue().since.plus(WAITER_LIFETIME).isBefore(now));
    }
}

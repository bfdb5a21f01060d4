package dev.salesbot.sync.queue.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the rest of the application asks for a sync: the request is stored durably first (so a
 * crash or an outage loses nothing), then the worker is woken. Called inside a caller's
 * transaction, the request commits (or rolls back) with the caller's other writes, and the worker
 * is woken only after the commit. A caller that must answer a browser waits a bounded time for the
 * outcome through its {@link Ticket}; the work finishes on its own either way.
 */
@ApplicationScoped
public class Syncs {

    /** A recorded request that a caller may wait for. */
    public record Ticket(String id) {
    }

    @Inject
    SyncRequests requests;

    @Inject
    SyncWorker worker;

    @Inject
    SyncWaits waits;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Records the request (in the caller's transaction, if any) and answers its ticket. */
    public Ticket request(SyncKind kind, String target, UUID merchant) {
        String id = UUID.randomUUID().toString();
        waits.expect(id); // before the record exists, so no outcome can slip past the waiter
        try {
            requests.add(id, kind, target, merchant);
        } catch (RuntimeException e) {
            waits.forget(id);
            throw e;
        }
        afterCommit(worker::wake, () -> waits.forget(id));
        return new Ticket(id);
    }

    /**
     * Records a change of {@code target} that a partial sync will fetch ({@code payload}), due after
     * {@code quiet}: changes arriving within that window of each other are coalesced into one task.
     * Nobody waits for it.
     */
    public void change(SyncKind kind, String target, UUID merchant, String payload, Duration quiet) {
        requests.add(UUID.randomUUID().toString(), kind, target, merchant, payload, quiet);
    }

    /** Records a request nobody waits for (in the caller's transaction, if any) and wakes the worker after it commits. */
    public void enqueue(SyncKind kind, String target, UUID merchant) {
        enqueue(kind, target, merchant, null);
    }

    /** As {@link #enqueue(SyncKind, String, UUID)}, carrying {@code payload} (null for none); answers the request's id. */
    public String enqueue(SyncKind kind, String target, UUID merchant, String payload) {
        String id = UUID.randomUUID().toString();
        requests.add(id, kind, target, merchant, payload, Duration.ZERO);
        afterCommit(worker::wake, () -> { });
        return id;
    }

    /**
     * What the parked or postponed requests of {@code target} of these kinds wait for is done (a
     * platform said so): they are due now (in the caller's transaction, if any) and the worker is
     * woken after the commit; other servers find them at their next tick. Answers how many.
     */
    public int resume(String target, java.util.Set<SyncKind> kinds) {
        int resumed = requests.resume(target, kinds);
        if (resumed > 0) {
            afterCommit(worker::wake, () -> { });
        }
        return resumed;
    }

    /** Waits up to {@code wait} for the ticket: success, unchanged, pending or failed. */
    public SyncOutcome await(Ticket ticket, Duration wait) {
        return waits.await(ticket.id(), wait, worker::isRunning);
    }

    /** Waits for all tickets together, for at most {@code wait} in all. */
    public Map<Ticket, SyncOutcome> awaitAll(List<Ticket> tickets, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        Map<Ticket, SyncOutcome> outcomes = new LinkedHashMap<>();
        for (Ticket ticket : tickets) {
            Duration left = Duration.between(Instant.now(), deadline);
            outcomes.put(ticket, waits.await(ticket.id(), left.isNegative() ? Duration.ZERO : left, worker::isRunning));
        }
        return outcomes;
    }

    private void afterCommit(Runnable committed, Runnable rolledBack) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            committed.run(); // no caller transaction: the request committed on its own
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.run();
                } else {
                    rolledBack.run();
                }
            }
        });
    }
}

package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.queue.leases.Fence;
import dev.salesbot.sync.queue.leases.OneServer;
import dev.salesbot.sync.queue.leases.SyncLeases;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncWorkerTest {

    static final Fence NO_FENCE = () -> { };

    static final String SHOP = "acme-outdoor.myshopify.com";
    static final String OTHER_SHOP = "north-gear.myshopify.com";
    static final String WAITING_FOR_BULK = "Waiting for Shopify's bulk operations of " + SHOP
            + " (2 of 5 finished); the snapshot is written when they finish.";

    final QueueInMemory queue = new QueueInMemory();
    final ScriptedHandler handler = new ScriptedHandler();
    final SyncWaits waits = new SyncWaits(queue);
    final List<SyncAttempt> attempts = new ArrayList<>();
    final OneServer leases = new OneServer();
    SyncWorker worker;
    boolean executorRefuses;

    @BeforeEach
    void wire() {
        worker = new SyncWorker(queue, new FixedInstance<>(List.of(handler)), leases, recording(attempts), waits, 1, 7, 20);
        worker.executor = inlineExecutor();
    }

    /** Several servers share the queue: a caller's request run by another server ends the wait with that server's outcome. */
    @Test
    void aWaitEndsWithTheOutcomeOfARequestAnotherServerRan() {
        var row = new dev.salesbot.sync.queue.entity.SyncRequest("r1", SyncKind.SHOPIFY_FULL.name(), SHOP, UUID.randomUUID(), null,
                OffsetDateTime.now(), OffsetDateTime.now());
        row.done("success", "Uploaded users/…/shopify/shopify_data.json", OffsetDateTime.now());
        queue.closedElsewhere.put("r1", row);
        var abandoned = new dev.salesbot.sync.queue.entity.SyncRequest("r2", SyncKind.SHOPIFY_FULL.name(), OTHER_SHOP, UUID.randomUUID(), null,
                OffsetDateTime.now(), OffsetDateTime.now());
        abandoned.abandon("The store needs to be reconnected.", OffsetDateTime.now());
        queue.closedElsewhere.put("r2", abandoned);

        long started = System.nanoTime();
        SyncOutcome done = waits.await("r1", Duration.ofSeconds(20), worker::isRunning);
        SyncOutcome failed = waits.await("r2", Duration.ofSeconds(20), worker::isRunning);

        assertThat(done.status()).isEqualTo("success");
        assertThat(done.message()).startsWith("Uploaded");
        assertThat(done.result()).as("the snapshot stayed with the server that wrote it").isNull();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.message()).isEqualTo("The store needs to be reconnected.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("within a slice or two, not the whole wait").isLessThan(Duration.ofSeconds(5));
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void anErrorInAHandlerBacksOffInsteadOfRunningAgainAtOnceAndTheWorkerSurvives() {
        queue.add("r1", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        handler.behaviour = task -> {
            throw new OutOfMemoryError("Java heap space");
        };

        worker.tick();

        assertThat(queue.retries).containsOnlyKeys("r1");
        assertThat(queue.retries.get("r1").delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(queue.retries.get("r1").reason()).contains("unexpected error", "reference urn:uuid:")
                .doesNotContain("heap");
        queue.add("r2", SyncKind.SHOPIFY_FULL, OTHER_SHOP, UUID.randomUUID());
        handler.behaviour = task -> new SyncResult(true, "Uploaded", null, null);
        worker.tick();
        assertThat(queue.completed).containsExactly("r2");
    }

    /** Fencing: a server that lost the lease (it stalled, another took the target) stops before its next write. */
    @Test
    void aTaskWhoseLeaseIsLostStopsAtItsNextWriteAndRecordsNothing() {
        queue.add("r1", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        List<String> written = new ArrayList<>();
        handler.behaviour = task -> {
            leases.holds = false; // the server stalls mid-sync past its lease; another server takes the target
            task.fence().confirm();
            written.add(task.target());
            return new SyncResult(true, "Uploaded", null, null);
        };

        worker.tick();

        assertThat(handler.ran).containsExactly(SHOP);
        assertThat(written).as("the write after the confirmation").isEmpty();
        assertThat(queue.completed).isEmpty();
        assertThat(queue.retries).isEmpty();
        assertThat(queue.abandoned).isEmpty();
        assertThat(queue.pending).as("still the new holder's to run").containsKey("r1");
        assertThat(attempts).isEmpty();
    }

    @Test
    void anOutcomeIsRecordedOnlyWhileTheLeaseHolds() {
        queue.add("r1", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        handler.behaviour = task -> {
            leases.holds = false; // lost after the last write, before the outcome is recorded
            return new SyncResult(true, "Uploaded", null, null);
        };

        worker.tick();

        assertThat(queue.completed).isEmpty();
        assertThat(queue.pending).containsKey("r1");
        assertThat(attempts).isEmpty();
    }

    @Test
    void aTaskTheExecutorRefusesGivesBackItsSlotAndTarget() {
        queue.add("r1", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        handler.behaviour = task -> new SyncResult(false, "Unchanged", null, null);
        executorRefuses = true;

        worker.tick();
        executorRefuses = false;
        worker.tick();

        assertThat(handler.ran).containsExactly(SHOP);
        assertThat(queue.completed).containsExactly("r1");
    }

    @Test
    void aPostponedSyncWaitsAtLeastWhatThePlatformAskedAndShowsOnlyThePlainReason() {
        queue.add("r1", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        handler.behaviour = task -> {
            throw new SyncPostponed("Shopify is throttling requests for " + SHOP + ".", Duration.ofMinutes(3),
                    new IllegalStateException("detail for the log only"));
        };

        worker.tick();

        assertThat(queue.retries.get("r1").delay()).isGreaterThanOrEqualTo(Duration.ofMinutes(3));
        assertThat(queue.retries.get("r1").reason()).isEqualTo("Shopify is throttling requests for " + SHOP + ".");
    }

    @Test
    void anAbandonedSyncEndsAtOnceWithItsReason() {
        queue.add("r1", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        handler.behaviour = task -> {
            throw new SyncAbandoned("Shopify denied access the bot needs.");
        };

        worker.tick();

        assertThat(queue.abandoned).containsEntry("r1", "Shopify denied access the bot needs.");
        assertThat(queue.retries).isEmpty();
    }

    @Test
    void coalescesTheRequestsOfOneTargetIntoOneTaskThatNamesNoMerchant() {
        queue.add("r1", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        queue.add("r2", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        handler.behaviour = task -> new SyncResult(true, "Uploaded", null, null);

        worker.tick();

        assertThat(handler.ran).containsExactly(SHOP);
        assertThat(queue.completed).containsExactly("r1", "r2");
    }

    @Test
    void aRecordThatCannotBeAddedLeavesNoWaiterBehind() {
        Syncs syncs = new Syncs();
        syncs.worker = worker;
        syncs.waits = waits;
        syncs.transactions = NoTransaction.REGISTRY;
        syncs.requests = new QueueInMemory() {
            @Override
            public void add(String id, SyncKind kind, String target, UUID merchant) {
                throw new IllegalStateException("database down");
            }
        };

        assertThatThrownBy(() -> syncs.request(SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID())).hasMessage("database down");
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void aCallerWaitingForATicketGetsTheOutcomeAndLeavesNoWaiter() {
        Syncs syncs = new Syncs();
        syncs.worker = worker;
        syncs.waits = waits;
        syncs.transactions = NoTransaction.REGISTRY;
        syncs.requests = queue;
        handler.behaviour = task -> new SyncResult(true, "Uploaded data", null, null);

        Syncs.Ticket ticket = syncs.request(SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        SyncOutcome outcome = syncs.await(ticket, Duration.ofSeconds(5));

        assertThat(outcome.status()).isEqualTo("success");
        assertThat(waits.waiting()).isZero();
    }

    @Test
    void aCallerWaitsThroughAPostponementAndGetsTheRetrysOutcome() {
        Syncs syncs = syncs();
        queue.requeueRetries = true;
        int[] runs = {0};
        handler.behaviour = task -> {
            if (runs[0]++ == 0) {
                throw new SyncPostponed("Shopify could not be reached.", null);
            }
            return new SyncResult(true, "Uploaded data", null, null);
        };

        Syncs.Ticket ticket = syncs.request(SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        worker.tick();

        assertThat(syncs.await(ticket, Duration.ofSeconds(5)).status()).isEqualTo("success");
    }

    @Test
    void aCallerWhoseWaitRunsOutIsToldWhyTheSyncIsStillPending() {
        Syncs syncs = syncs();
        handler.behaviour = task -> {
            throw new SyncPostponed("Storage is unavailable: could not write users/x/shopify/shopify_data.json (the storage "
                    + "service could not be reached).", null);
        };

        SyncOutcome outcome = syncs.await(syncs.request(SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID()), Duration.ofMillis(200));

        assertThat(outcome.status()).isEqualTo("pending");
        assertThat(outcome.message()).startsWith("Storage is unavailable").contains("Retrying automatically");
    }

    private Syncs syncs() {
        Syncs syncs = new Syncs();
        syncs.worker = worker;
        syncs.waits = waits;
        syncs.transactions = NoTransaction.REGISTRY;
        syncs.requests = queue;
        return syncs;
    }

    @Test
    void coalescedChangesWaitForAQuietWindowButNoLongerThanTheMaximumDelay() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:20Z");
        Duration maxDelay = Duration.ofSeconds(20);
        SyncRequests.Due settled = change("a", now.minusSeconds(10), now.minusSeconds(8));
        SyncRequests.Due fresh = change("b", now.minusSeconds(1), now.plusSeconds(1));
        SyncRequests.Due first = change("c", now.minusSeconds(20), now.minusSeconds(18));

        assertThat(SyncWorker.ready(List.of(settled), now, maxDelay)).as("quiet").isTrue();
        assertThat(SyncWorker.ready(List.of(settled, fresh), now, maxDelay)).as("a change 1 s ago: wait").isFalse();
        assertThat(SyncWorker.ready(List.of(first, fresh), now, maxDelay)).as("the first is 20 s old: go").isTrue();
        SyncRequests.Due full = new SyncRequests.Due("d", SyncKind.SHOPIFY_FULL, SHOP, null, 0, now, now);
        assertThat(SyncWorker.ready(List.of(settled, fresh, full), now, maxDelay)).as("a full sync does not wait").isTrue();
    }

    @Test
    void aTaskClosesTheDueRequestsOrEveryChangeOnceTheyAreReady() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:20Z");
        Duration maxDelay = Duration.ofSeconds(20);
        SyncRequests.Due due = new SyncRequests.Due("a", SyncKind.SHOPIFY_FULL, SHOP, null, 0, now.minusSeconds(5), now.minusSeconds(1));
        SyncRequests.Due backingOff = new SyncRequests.Due("b", SyncKind.SHOPIFY_FULL, SHOP, null, 3, now.minusSeconds(9), now.plusSeconds(30));
        SyncRequests.Due settled = change("c", now.minusSeconds(10), now.minusSeconds(8));
        SyncRequests.Due fresh = change("d", now.minusSeconds(1), now.plusSeconds(1));

        SyncRequests.Due alsoDue = new SyncRequests.Due("e", SyncKind.SHOPIFY_FULL, SHOP, null, 0, now.minusSeconds(9), now.plusSeconds(2));
        assertThat(SyncWorker.group(List.of(due, alsoDue), now, maxDelay)).as("only what is due").containsExactly(due);
        assertThat(SyncWorker.group(List.of(backingOff), now, maxDelay)).isEmpty();
        assertThat(SyncWorker.group(List.of(backingOff, due), now, maxDelay)).as("a full sync asked since wakes a postponed one")
                .containsExactly(backingOff, due);
        assertThat(SyncWorker.group(List.of(backingOff, settled), now, maxDelay)).as("changes asked since wait for it").isEmpty();
        assertThat(SyncWorker.group(List.of(backingOff, settled), now.plusSeconds(30), maxDelay)).containsExactly(backingOff);
        assertThat(SyncWorker.group(List.of(settled, fresh), now, maxDelay)).as("still in the quiet window").isEmpty();
        assertThat(SyncWorker.group(List.of(settled), now, maxDelay)).containsExactly(settled);
        assertThat(SyncWorker.group(List.of(settled, fresh, due), now, maxDelay)).as("a due full sync takes every change")
                .containsExactly(settled, fresh, due);
    }

    @Test
    void aBurstOfChangesToOneStoreDoesNotHoldUpAnother() {
        for (int i = 0; i < 600; i++) {
            queue.add("burst-" + i, SyncKind.SHOPIFY_FULL, "busy.myshopify.com", UUID.randomUUID());
        }
        queue.add("other", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        handler.behaviour = task -> new SyncResult(true, "Uploaded", null, null);

        worker.tick();

        assertThat(handler.ran).containsExactlyInAnyOrder("busy.myshopify.com", SHOP);
        assertThat(queue.completed).hasSize(601);
    }

    @Test
    void aRedactionSwallowsEverythingAndAFullSyncSwallowsChanges() {
        OffsetDateTime now = OffsetDateTime.now();
        SyncRequests.Due change = change("a", now, now);
        SyncRequests.Due full = new SyncRequests.Due("b", SyncKind.SHOPIFY_FULL, SHOP, null, 2, now, now);
        SyncRequests.Due redact = new SyncRequests.Due("c", SyncKind.SHOPIFY_REDACT, SHOP, null, 0, now, now);

        assertThat(SyncWorker.task(List.of(change, change("e", now, now)), NO_FENCE).payloads()).hasSize(2);
        assertThat(SyncWorker.task(List.of(change, full), NO_FENCE).kind()).isEqualTo(SyncKind.SHOPIFY_FULL);
        assertThat(SyncWorker.task(List.of(change, full), NO_FENCE).attempt()).isEqualTo(3);
        assertThat(SyncWorker.task(List.of(change, full, redact), NO_FENCE).kind()).isEqualTo(SyncKind.SHOPIFY_REDACT);
    }

    /** Issue 23: a deletion never eats newer work — a reconnect's full sync asked after it runs after it. */
    @Test
    void aDeletionTakesOnlyWhatWasAskedBeforeIt() {
        OffsetDateTime now = OffsetDateTime.now();
        SyncRequests.Due change = change("a", now.minusSeconds(30), now.minusSeconds(28));
        SyncRequests.Due redact = new SyncRequests.Due("b", SyncKind.SHOPIFY_REDACT, SHOP, null, 4, now.minusSeconds(20), now.minusSeconds(1));
        SyncRequests.Due reconnect = new SyncRequests.Due("c", SyncKind.SHOPIFY_FULL, SHOP, null, 0, now.minusSeconds(10), now.minusSeconds(10));
        SyncRequests.Due later = change("d", now.minusSeconds(5), now.plusSeconds(2));

        List<SyncRequests.Due> group = SyncWorker.group(List.of(change, redact, reconnect, later), now, Duration.ofSeconds(20));

        assertThat(group).containsExactly(change, redact);
        SyncTask task = SyncWorker.task(group, NO_FENCE);
        assertThat(task.kind()).isEqualTo(SyncKind.SHOPIFY_REDACT);
        assertThat(task.requestedAt()).as("what the deletion removes is as of its request").isEqualTo(redact.createdAt());
        assertThat(SyncWorker.group(List.of(reconnect, later), now, Duration.ofSeconds(20)))
                .as("then the reconnect's sync, with what came after (the full sync does not wait)").containsExactly(reconnect, later);
        SyncRequests.Due backingOff = new SyncRequests.Due("e", SyncKind.SHOPIFY_REDACT, SHOP, null, 4, now.minusSeconds(20), now.plusSeconds(30));
        assertThat(SyncWorker.group(List.of(backingOff, reconnect), now, Duration.ofSeconds(20)))
                .as("while the deletion backs off (storage down), what was asked after it waits for it").isEmpty();
    }

    private static SyncRequests.Due change(String id, OffsetDateTime created, OffsetDateTime notBefore) {
        return new SyncRequests.Due(id, SyncKind.SHOPIFY_CHANGES, SHOP, "products/update|PRODUCT|gid://shopify/Product/" + id.hashCode(),
                0, created, notBefore);
    }

    /** Issue 24: a sync waiting for Shopify's bulk operations is parked, not failed, and holds nothing while it waits. */
    @Test
    void aParkedSyncKeepsItsAttemptsRecordsNoFailureAndHoldsNoSlotOrLease() {
        queue.add("r1", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        handler.behaviour = task -> {
            if (task.target().equals(SHOP)) {
                throw new SyncParked(WAITING_FOR_BULK, Duration.ofSeconds(8));
            }
            return new SyncResult(true, "Uploaded", null, null);
        };

        worker.tick();

        assertThat(queue.parked).containsOnlyKeys("r1");
        assertThat(queue.parked.get("r1").delay()).isEqualTo(Duration.ofSeconds(8));
        assertThat(queue.parked.get("r1").reason()).isEqualTo(WAITING_FOR_BULK);
        SyncRequests.Due waiting = queue.pending.get("r1");
        assertThat(waiting.attempts()).as("no attempt counted").isZero();
        assertThat(waiting.notBefore()).isAfter(OffsetDateTime.now().plusSeconds(6));
        assertThat(queue.retries).as("no failure").isEmpty();
        assertThat(queue.abandoned).isEmpty();
        assertThat(attempts).extracting(SyncAttempt::result).containsExactly(SyncAttempt.Result.PARKED);
        assertThat(leases.released).as("its lease given back").containsExactly(SHOP);
        assertThat(worker.running()).isEmpty();

        // The only slot (SYNC_CONCURRENCY 1) is free for another store while the first one waits.
        queue.add("r2", SyncKind.SHOPIFY_FULL, OTHER_SHOP, UUID.randomUUID());
        worker.tick();

        assertThat(handler.ran).containsExactly(SHOP, OTHER_SHOP);
        assertThat(queue.completed).containsExactly("r2");
        assertThat(queue.pending).containsOnlyKeys("r1");
    }

    /** The finish webhook's path: {@code Syncs.resume} makes the parked requests due and wakes the worker, which finishes them. */
    @Test
    void aParkedSyncIsWokenWhenThePlatformSaysItsWorkIsDone() {
        Syncs syncs = syncs();
        queue.add("r1", SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID());
        int[] runs = {0};
        handler.behaviour = task -> {
            if (runs[0]++ == 0) {
                throw new SyncParked(WAITING_FOR_BULK, Duration.ofSeconds(30));
            }
            return new SyncResult(true, "Uploaded data", null, null);
        };
        worker.tick();
        worker.tick();
        assertThat(runs[0]).as("not again before its recheck").isEqualTo(1);

        int resumed = syncs.resume(SHOP, java.util.EnumSet.of(SyncKind.SHOPIFY_FULL, SyncKind.SHOPIFY_CHANGES));

        assertThat(resumed).isEqualTo(1);
        assertThat(runs[0]).as("woken at once, not at its recheck").isEqualTo(2);
        assertThat(queue.completed).containsExactly("r1");
        assertThat(syncs.resume(OTHER_SHOP, java.util.EnumSet.of(SyncKind.SHOPIFY_FULL))).as("nothing parked there").isZero();
    }

    @Test
    void aCallerWaitingForAParkedSyncIsToldWhatItWaitsForNotThatItFailed() {
        Syncs syncs = syncs();
        handler.behaviour = task -> {
            throw new SyncParked(WAITING_FOR_BULK, Duration.ofSeconds(30));
        };

        SyncOutcome outcome = syncs.await(syncs.request(SyncKind.SHOPIFY_FULL, SHOP, UUID.randomUUID()), Duration.ofMillis(200));

        assertThat(outcome.status()).isEqualTo("pending");
        assertThat(outcome.message()).isEqualTo(WAITING_FOR_BULK);
        assertThat(waits.waiting()).isZero();
    }

    /**
     * Changes that come while a full sync is parked are not closed by it (its bulk read began before
     * them): they wait for it, then run on their own; a deletion does not wait, and a whole read
     * asked meanwhile (a poll) runs with it at once.
     */
    @Test
    void whatIsAskedWhileASyncIsParkedWaitsForItAndRunsAfterIt() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:05:00Z");
        Duration maxDelay = Duration.ofSeconds(20);
        SyncRequests.Due parked = new SyncRequests.Due("a", SyncKind.SHOPIFY_FULL, SHOP, null, 0, now.minusMinutes(4),
                now.plusSeconds(20), true);
        SyncRequests.Due parkedChange = new SyncRequests.Due("b", SyncKind.SHOPIFY_CHANGES, SHOP, "products/update|PRODUCT|gid://shopify/Product/1",
                0, now.minusMinutes(4), now.plusSeconds(20), true);
        SyncRequests.Due since = change("c", now.minusMinutes(2), now.minusMinutes(2).plusSeconds(2));

        assertThat(SyncWorker.group(List.of(parked, parkedChange, since), now, maxDelay))
                .as("overdue changes do not make a parked sync run early").isEmpty();
        assertThat(SyncWorker.group(List.of(parked, parkedChange, since), now.plusSeconds(20), maxDelay))
                .as("once due, the parked task alone").containsExactly(parked, parkedChange);
        assertThat(SyncWorker.group(List.of(since), now.plusSeconds(21), maxDelay)).as("then what came since").containsExactly(since);
        SyncRequests.Due poll = new SyncRequests.Due("e", SyncKind.SHOPIFY_FULL, SHOP, "poll", 0, now.minusSeconds(1), now.minusSeconds(1));
        assertThat(SyncWorker.group(List.of(parked, parkedChange, since, poll), now, maxDelay))
                .as("a poll asked meanwhile looks at the parked sync at once, with it; the change still waits")
                .containsExactly(parked, parkedChange, poll);
        SyncRequests.Due redact = new SyncRequests.Due("d", SyncKind.SHOPIFY_REDACT, SHOP, null, 0, now.minusSeconds(1), now.minusSeconds(1));
        assertThat(SyncWorker.group(List.of(parked, parkedChange, since, redact), now, maxDelay))
                .as("a deletion runs at once, over everything asked before it").containsExactly(parked, parkedChange, since, redact);
    }

    /** Issue 24, fair slots: full syncs leave one slot for webhook changes and deletions while those are due. */
    @Test
    void wholeReadsTakeAllSlotsButOneWhileOtherWorkIsDue() {
        List<Runnable> started = new ArrayList<>();
        SyncWorker two = new SyncWorker(queue, new FixedInstance<>(List.of(handler)), leases, recording(attempts), waits, 2, 7, 20);
        two.executor = holdingExecutor(started);
        OffsetDateTime past = OffsetDateTime.now().minusMinutes(1);
        queue.add("full-1", SyncKind.SHOPIFY_FULL, "large-one.myshopify.com", UUID.randomUUID());
        queue.add("full-2", SyncKind.SHOPIFY_FULL, "large-two.myshopify.com", UUID.randomUUID());
        queue.add(new SyncRequests.Due("change", SyncKind.SHOPIFY_CHANGES, SHOP, "products/update|PRODUCT|gid://shopify/Product/7",
                0, past, past));

        two.tick();

        assertThat(two.running()).as("one full sync and the change, not two full syncs")
                .containsExactlyInAnyOrder("large-one.myshopify.com", SHOP);
        List<Runnable> running = List.copyOf(started);
        started.clear();
        running.forEach(Runnable::run); // both end (their wake-ups are dropped: the test ticks itself)
        started.clear();
        // With no other work due, full syncs may take both slots.
        queue.add("full-3", SyncKind.SHOPIFY_FULL, "large-three.myshopify.com", UUID.randomUUID());
        two.tick();
        assertThat(two.running()).containsExactlyInAnyOrder("large-two.myshopify.com", "large-three.myshopify.com");
    }

    @Test
    void withOneSlotAFullSyncStillRuns() {
        List<Runnable> started = new ArrayList<>();
        worker.executor = holdingExecutor(started);
        OffsetDateTime past = OffsetDateTime.now().minusMinutes(1);
        queue.add("full", SyncKind.SHOPIFY_FULL, "large-one.myshopify.com", UUID.randomUUID());
        queue.add(new SyncRequests.Due("change", SyncKind.SHOPIFY_CHANGES, SHOP, "products/update|PRODUCT|gid://shopify/Product/7",
                0, past, past));

        worker.tick();

        assertThat(worker.running()).as("SYNC_CONCURRENCY 1: the first due, whatever its kind").containsExactly("large-one.myshopify.com");
    }

    /** A parked target is due from its recheck, not from its request: it does not jump ahead of targets that waited longer. */
    @Test
    void aParkedTargetDoesNotJumpAheadOfTargetsThatWaitedLonger() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:05:00Z");
        Duration maxDelay = Duration.ofSeconds(20);
        List<Object[]> due = List.of(
                new Object[]{"parked-full.myshopify.com", "SHOPIFY_FULL", now.minusSeconds(1)},
                new Object[]{"waiting-full.myshopify.com", "SHOPIFY_FULL", now.minusSeconds(30)},
                new Object[]{"deleted.myshopify.com", "SHOPIFY_REDACT", now.minusSeconds(10)},
                new Object[]{"deleted.myshopify.com", "SHOPIFY_FULL", now.minusSeconds(5)});
        List<Object[]> ready = List.of(
                // changes asked 5 minutes ago, parked (they carry a message) and due again 2 s ago
                new Object[]{"parked-changes.myshopify.com", now.minusMinutes(5), now.minusSeconds(2), 3L},
                // parked, not due yet: not listed however old
                new Object[]{"still-parked.myshopify.com", now.minusMinutes(9), now.plusSeconds(10), 1L},
                // fresh changes: overdue 40 s ago (first + 20 s), though the latest is quiet only since 5 s
                new Object[]{"busy-changes.myshopify.com", now.minusSeconds(60), now.minusSeconds(5), 0L},
                // fresh changes still in their quiet window and not overdue
                new Object[]{"quiet-changes.myshopify.com", now.minusSeconds(3), now.plusSeconds(1), 0L});

        List<DueTarget> targets = DueTarget.ordered(due, ready, now, maxDelay);

        assertThat(targets).extracting(DueTarget::target).containsExactly("busy-changes.myshopify.com", "waiting-full.myshopify.com",
                "deleted.myshopify.com", "parked-changes.myshopify.com", "parked-full.myshopify.com");
        assertThat(targets).filteredOn(DueTarget::whole).extracting(DueTarget::target)
                .as("a deletion due with a full sync is no whole read").containsExactly("waiting-full.myshopify.com", "parked-full.myshopify.com");
    }

    /** An executor that keeps the tasks it is given: they are running until the test runs them. */
    private static ManagedExecutorService holdingExecutor(List<Runnable> started) {
        return (ManagedExecutorService) Proxy.newProxyInstance(SyncWorkerTest.class.getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        started.add((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void purgesFinishedRequestsOlderThanTheHistory() {
        worker.tick();
        assertThat(queue.purgedBefore).isNotNull();
        assertThat(queue.purgedBefore).isBefore(OffsetDateTime.now().minusDays(6));
    }

    /** The worker's observers: each run's end is recorded. */
    @SuppressWarnings("unchecked")
    private static Event<SyncAttempt> recording(List<SyncAttempt> fired) {
        return (Event<SyncAttempt>) Proxy.newProxyInstance(SyncWorkerTest.class.getClassLoader(), new Class<?>[]{Event.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        fired.add((SyncAttempt) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private ManagedExecutorService inlineExecutor() {
        return (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        if (executorRefuses) {
                            throw new RejectedExecutionException("queue full");
                        }
                        ((Runnable) args[0]).run();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** What a handler does on each run, and which targets it ran. */
    static final class ScriptedHandler implements SyncHandler {
        Function<SyncTask, SyncResult> behaviour = task -> new SyncResult(false, "Unchanged", null, null);
        final List<String> ran = new ArrayList<>();

        @Override
        public SyncKind kind() {
            return SyncKind.SHOPIFY_FULL;
        }

        @Override
        public SyncResult run(SyncTask task) {
            ran.add(task.target());
            return behaviour.apply(task);
        }
    }

    /** The queue in memory: due means pending and not retried; outcomes are recorded for the test. */
    static class QueueInMemory extends SyncRequests {
        record Retry(Duration delay, String reason) {
        }

        final Map<String, Due> pending = new LinkedHashMap<>();
        final List<String> completed = new ArrayList<>();
        final Map<String, Retry> retries = new LinkedHashMap<>();
        final Map<String, Retry> parked = new LinkedHashMap<>();
        final Map<String, String> abandoned = new LinkedHashMap<>();
        OffsetDateTime purgedBefore;
        /** Retried requests stay due (the test's clock does not move), as they are once their delay has passed. */
        boolean requeueRetries;

        @Override
        public void add(String id, SyncKind kind, String target, UUID merchant) {
            pending.put(id, new Due(id, kind, target, 0));
        }

        /** Every target with a pending request, in the order they were added; group() decides what runs. */
        @Override
        public List<DueTarget> dueTargets(int limit, Duration maxDelay) {
            return pending.values().stream().map(Due::target).distinct().limit(limit).map(target -> {
                List<Due> of = pendingOf(target);
                return new DueTarget(target, of.get(0).notBefore(), of.stream().anyMatch(d -> d.kind().whole())
                        && of.stream().noneMatch(d -> d.kind().erases()));
            }).toList();
        }

        void add(Due due) {
            pending.put(due.id(), due);
        }

        @Override
        public List<Due> pendingOf(String target) {
            return pending.values().stream().filter(d -> d.target().equals(target)).toList();
        }

        @Override
        public void complete(SyncLeases.Lease lease, List<String> ids, String outcome, String message) {
            lease.confirmWithin();
            ids.forEach(pending::remove);
            completed.addAll(ids);
        }

        @Override
        public void retry(SyncLeases.Lease lease, List<String> ids, Duration delay, String error) {
            lease.confirmWithin();
            ids.forEach(id -> {
                Due due = pending.remove(id);
                retries.put(id, new Retry(delay, error));
                if (requeueRetries && due != null) {
                    pending.put(id, new Due(id, due.kind(), due.target(), due.attempts() + 1));
                }
            });
        }

        @Override
        public void park(SyncLeases.Lease lease, List<String> ids, Duration recheck, String message) {
            lease.confirmWithin();
            OffsetDateTime when = OffsetDateTime.now().plus(recheck);
            ids.forEach(id -> {
                Due due = pending.get(id);
                pending.put(id, new Due(id, due.kind(), due.target(), due.payload(), due.attempts(), due.createdAt(), when, true));
                parked.put(id, new Retry(recheck, message));
            });
        }

        @Override
        public int resume(String target, java.util.Set<SyncKind> kinds) {
            OffsetDateTime now = OffsetDateTime.now();
            List<Due> waiting = pending.values().stream().filter(d -> d.target().equals(target) && kinds.contains(d.kind())
                    && d.ranBefore() && d.notBefore().isAfter(now)).toList();
            waiting.forEach(d -> pending.put(d.id(), new Due(d.id(), d.kind(), d.target(), d.payload(), d.attempts(),
                    d.createdAt(), now, true)));
            return waiting.size();
        }

        @Override
        public void abandon(SyncLeases.Lease lease, List<String> ids, String reason) {
            lease.confirmWithin();
            ids.forEach(id -> {
                pending.remove(id);
                abandoned.put(id, reason);
            });
        }

        /** Rows another server closed: what {@link #find} answers. */
        final Map<String, dev.salesbot.sync.queue.entity.SyncRequest> closedElsewhere = new LinkedHashMap<>();

        @Override
        public java.util.Optional<dev.salesbot.sync.queue.entity.SyncRequest> find(String id) {
            return java.util.Optional.ofNullable(closedElsewhere.get(id));
        }

        @Override
        public int purgeFinishedBefore(OffsetDateTime before) {
            purgedBefore = before;
            return 0;
        }
    }
}

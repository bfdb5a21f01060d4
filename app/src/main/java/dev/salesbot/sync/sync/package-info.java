/**
 * The sync engine: every change that must reach storage is a durable {@code SYNC_REQUEST} row
 * before anyone is told it was accepted.
 *
 * <p><b>Rules.</b> Requests are added through {@link dev.salesbot.sync.sync.control.Syncs}
 * (optionally waiting a bounded time for the outcome). {@link dev.salesbot.sync.sync.control.SyncWorker}
 * runs due requests — woken by new work and by {@link dev.salesbot.sync.sync.control.SyncClock},
 * a non-persistent EJB timer every second — coalesces those of one target into one
 * {@link dev.salesbot.sync.sync.control.SyncTask} (a full sync swallows partial ones), runs at most
 * {@code SYNC_CONCURRENCY} at a time and never two for one target, and closes each request as done,
 * retries it with capped exponential backoff (1 s … 5 min, jittered, without limit: accepted work is
 * never dropped), or abandons it when a handler throws {@link dev.salesbot.sync.sync.control.SyncAbandoned}
 * (retrying cannot help, e.g. a revoked token). Work is done by one
 * {@link dev.salesbot.sync.sync.control.SyncHandler} per {@link dev.salesbot.sync.sync.control.SyncKind},
 * provided by the platform features; this package depends on none of them.
 *
 * <p><b>Decisions.</b> Nothing is marked "running" in the database: a request stays PENDING until it
 * is closed, so a crash or restart mid-sync simply makes it due again (handlers are idempotent:
 * writes are skipped when the content hash is unchanged). Every queue access is transactional —
 * a non-transactional read on a worker thread lets Payara close the EntityManager under it.
 *
 * <p><b>Out of scope.</b> Several server instances (would need row claims, e.g.
 * {@code SELECT … FOR UPDATE SKIP LOCKED}); quiet-window coalescing of webhook bursts (arrives with
 * the webhook issue: partial requests get a {@code notBefore} in the future).
 */
package dev.salesbot.sync.sync;

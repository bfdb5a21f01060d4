/**
 * The durable sync engine: every change that must reach storage is a {@code SYNC_REQUEST} row
 * before anyone is told it was accepted, and a worker runs the rows through the platforms'
 * {@link dev.salesbot.sync.queue.control.SyncHandler}s (one CDI bean per {@code SyncKind}).
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>Requests are added through {@link dev.salesbot.sync.queue.control.Syncs}: inside a caller's
 * transaction the row commits (or rolls back) with the caller's other writes, and the worker is
 * woken after the commit. A caller that answers a browser waits a bounded time through its
 * request's {@code Ticket} ({@link dev.salesbot.sync.queue.control.SyncWaits}); several tickets are
 * awaited once, together; a request another server ran is read from its row.</li>
 * <li>{@link dev.salesbot.sync.queue.control.SyncWorker} runs due requests, the longest due first
 * (a parked or postponed request is due from its {@code notBefore}, not from when it was asked),
 * woken by new work, by each finished task and by a non-persistent EJB timer every second; it
 * coalesces those of one target into one task of the highest-ranked kind (an erasure swallows
 * everything asked before it — what is asked after it, a reconnect's full sync, stays pending and
 * runs after it — and a full sync swallows changes), runs at most {@code SYNC_CONCURRENCY} at a
 * time and never two for one target. A task names no merchant: its handler reads the target's
 * connection.</li>
 * <li><b>Fair slots.</b> With {@code SYNC_CONCURRENCY} of 2 or more, whole reads
 * ({@code SHOPIFY_FULL}, {@code FACEBOOK_PAGE}) together take at most {@code SYNC_CONCURRENCY} − 1
 * of a server's slots while other work (webhook changes, deletions) is due; when none is, they may
 * take them all. One target never runs twice at once, on any server.</li>
 * <li>Partial requests (webhook changes) wait for a quiet window ({@code WEBHOOK_QUIET_SECONDS})
 * after the last one of their target, but never more than {@code WEBHOOK_MAX_DELAY_SECONDS} after
 * the first; a due full sync or erasure does not wait.</li>
 * <li>Every failure is classified by the handler: {@code SyncPostponed} (retry later) backs off
 * 1 s … 5 min, jittered, no sooner than a platform's Retry-After, without limit; {@code
 * SyncAbandoned} (needs the merchant, or a defect) ends the request at once with its reason. Any
 * other throwable, errors included, backs off under a generic message and a log reference; the
 * worker survives it. Messages shown to merchants name a storage key and a plain reason, never a
 * path, an endpoint, a bucket or a secret.</li>
 * <li>Work under way on a platform ({@code SyncParked}: Shopify's bulk operations) is not a
 * failure: the requests stay pending, due again after the handler's recheck delay, with their
 * attempts unchanged and the reason as their message; the run is a {@code PARKED} attempt (no
 * failure counted, the message shown as what the sync waits for), and callers waiting for the
 * request are told that message if their wait runs out. No slot and no lease is held while parked:
 * any server runs it again. {@code Syncs.resume} (the {@code bulk_operations/finish} webhook) makes
 * it due at once and wakes this server's worker; the others find it at their next tick.</li>
 * <li>Requests that were run and wait, parked or postponed (they carry a message), run again as
 * that task once due. Changes asked meanwhile wait for them and run after them (a bulk read begun
 * before a change must not close it unread); a whole read asked meanwhile (a poll, "sync now")
 * runs at once together with them, and an erasure at once over everything asked before it.
 * Changes waiting so count as not due for readiness ({@code HEALTH_QUEUE_MAX_AGE_MINUTES}).</li>
 * <li>Servers sharing one database never run one target at once, and a server that lost a target
 * writes nothing more for it: the worker runs a target only under its lease ({@code queue.leases}).
 * Its leases are renewed every third of {@code SYNC_LEASE_SECONDS} on a timer of their own; a
 * handler confirms the lease before each storage write ({@code SyncTask.fence()}), and the outcome
 * is recorded in the transaction that confirms it. A task whose lease was lost stops at its next
 * write with {@code LeaseLost}, logs that it lost the lease, and records nothing: the requests,
 * still pending, are the new holder's.</li>
 * <li>Each run's end is a {@code SyncAttempt} event; {@code TargetStatuses} keeps
 * {@code TARGET_STATUS} from it for the consoles, and a full sync's progress is kept
 * ({@code SyncProgresses}), best effort, for the merchant's pages. A row this version cannot read is
 * abandoned with the reason; finished rows are deleted after {@code SYNC_HISTORY_DAYS}.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> Requests are never marked "running": a request stays PENDING until it is
 * closed, so a crash simply makes it due again (handlers are idempotent), and the lease says who
 * runs it. Portable JPA only (no {@code SKIP LOCKED}), so H2 and PostgreSQL, EclipseLink and
 * Hibernate behave alike; every queue access is transactional.
 */
package dev.salesbot.sync.queue;

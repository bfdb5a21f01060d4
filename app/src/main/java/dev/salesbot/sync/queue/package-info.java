/**
 * The sync engine: every change that must reach storage is a durable {@code SYNC_REQUEST} row
 * before anyone is told it was accepted.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>Requests are added through {@link dev.salesbot.sync.queue.control.Syncs}: inside a caller's
 * transaction the row commits (or rolls back) with the caller's other writes, such as the
 * connection it belongs to, and the worker is woken after the commit. A caller that answers a
 * browser waits a bounded time through the request's {@code Ticket}; several tickets are awaited
 * once, together.</li>
 * <li>{@link dev.salesbot.sync.queue.control.SyncWorker} runs due requests — woken by new work, by
 * each finished task (a free slot takes the next due target at once) and by
 * {@link dev.salesbot.sync.queue.control.SyncClock}, a non-persistent EJB timer every second —
 * coalesces those of one target into one {@link dev.salesbot.sync.queue.control.SyncTask} (a full
 * sync swallows partial ones), runs at most {@code SYNC_CONCURRENCY} at a time and never two for
 * one target. A task names no merchant: its handler reads the target's connection, whose merchant
 * owns the target now.</li>
 * <li>Every failure is classified by the handler: {@link dev.salesbot.sync.queue.control.SyncPostponed}
 * (retry later: outage, throttling) is retried with capped exponential backoff (1 s … 5 min,
 * jittered, no sooner than a platform's Retry-After, without limit: accepted work is never
 * dropped); {@link dev.salesbot.sync.queue.control.SyncAbandoned} (needs the merchant, or a defect
 * retrying cannot fix) ends the request at once with its reason. Any other throwable, errors such
 * as {@code OutOfMemoryError} included, is retried with backoff under a generic message and a
 * reference to the log line; the worker thread survives it.</li>
 * <li>Messages stored with a request and shown to merchants are plain reasons: a storage key,
 * never a server path, an endpoint, a bucket or a secret.</li>
 * <li>A row this version cannot read (an unknown kind) is abandoned with the reason instead of
 * failing every tick. Finished requests are deleted after {@code SYNC_HISTORY_DAYS} (default 7).
 * A worker slot or target refused by the executor is given back; a caller's waiter is removed when
 * its request cannot be recorded, and dropped after 15 minutes if nobody collects it.</li>
 * <li>Partial requests ({@link dev.salesbot.sync.queue.control.SyncKind#coalescible()}, webhook
 * changes) carry a payload and a {@code notBefore} one quiet window ({@code WEBHOOK_QUIET_SECONDS})
 * ahead: a target's pending changes run together once the newest one's window has passed, or once
 * the oldest is {@code WEBHOOK_MAX_DELAY_SECONDS} old, whichever comes first. A pending full sync
 * or redaction of the target runs at once and takes its partial requests with it (priority
 * REDACT, then FULL, then CHANGES).</li>
 * <li>Servers sharing one database never run one target at once: before running a target the
 * worker claims it in {@code SYNC_LEASE} ({@link dev.salesbot.sync.queue.control.SyncLeases}: an
 * insert the primary key refuses to a second server, or a conditional update of an expired
 * lease), renews its leases every third of {@code SYNC_LEASE_SECONDS} (default 120) while it
 * runs them, reads the target's pending requests again after the claim, and deletes the lease
 * when done. A server killed mid-sync leaves its lease to expire; its requests, still pending,
 * are then run by another server.</li>
 * <li>Each run's end is a {@link dev.salesbot.sync.queue.control.SyncAttempt} event (kind, target,
 * result, duration, the summary's counts). A running full sync also reports its progress (products
 * fetched so far, at most once a second) to {@link dev.salesbot.sync.queue.control.SyncProgresses},
 * best effort and in the database, for the merchant's pages. {@link dev.salesbot.sync.queue.control.TargetStatuses}
 * keeps {@code TARGET_STATUS} from it — last attempt and success, last write, failures in a row,
 * last error, counts, and the webhook subscriptions last found — beyond the request history, for
 * the admin console; the meters count it too. What an observer fails at is logged, never the
 * sync's concern.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> Requests are never marked "running": a request stays PENDING until it is
 * closed, so a crash or restart mid-sync simply makes it due again (handlers are idempotent:
 * writes are skipped when the content hash is unchanged); the lease says who runs it, and expires
 * by itself. Portable JPA only (no {@code SKIP LOCKED} or other vendor SQL), so that H2 and
 * PostgreSQL, EclipseLink and Hibernate behave alike. Every queue access is transactional — a
 * non-transactional read on a worker thread lets Payara close the EntityManager under it.
 */
package dev.salesbot.sync.queue;

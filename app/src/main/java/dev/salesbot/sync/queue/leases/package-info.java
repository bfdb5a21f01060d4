/**
 * Leases on sync targets, so that servers sharing one database never run one target at once and a
 * server that lost a target cannot write for it: one {@code SYNC_LEASE} row per target, claimed by
 * an insert the primary key refuses to a second server or by a conditional update of an expired
 * lease ({@link dev.salesbot.sync.queue.leases.SyncLeases}), every expiry decided by the database's
 * clock, each claim with a higher generation than every earlier claim of the target (a fencing
 * token).
 *
 * <p><b>Rules.</b> A confirmation ({@link dev.salesbot.sync.queue.leases.Fence}) checks that this
 * server still holds that generation and extends the lease by a whole lease, so the write that
 * follows has that long; a server that lost it — stalled past the lease, another server took the
 * target — is refused with {@link dev.salesbot.sync.queue.leases.LeaseLost}, now and from then on.
 * A server killed mid-sync leaves its lease to expire. Each row write commits on its own
 * ({@link dev.salesbot.sync.queue.leases.SyncLeaseRows}), but the confirmation that records an
 * outcome, which joins its caller's transaction. The package imports nothing of
 * {@code queue.control}, which uses it: when to claim, renew and release is the worker's.
 */
package dev.salesbot.sync.queue.leases;

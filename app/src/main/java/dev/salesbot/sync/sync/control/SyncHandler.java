package dev.salesbot.sync.sync.control;

/**
 * Performs one kind of sync. Exactly one CDI bean per {@link SyncKind}. A handler throws to have
 * the task retried later with backoff (storage down, API unavailable, throttled beyond its own
 * retries), or throws {@link SyncAbandoned} when retrying cannot help (the connection needs the
 * merchant to reconnect). Handlers must be idempotent: a task may run again after a crash.
 */
public interface SyncHandler {

    SyncKind kind();

    SyncResult run(SyncTask task);
}

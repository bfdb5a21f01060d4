package dev.salesbot.sync.queue.control;

/**
 * Performs one kind of sync. Exactly one CDI bean per {@link SyncKind}. A handler classifies every
 * failure itself: {@link SyncPostponed} to be retried later with backoff (storage or the platform
 * down, throttled beyond its own retries), {@link SyncAbandoned} when retrying cannot help (the
 * connection needs the merchant: the handler marks it first). Anything else it lets escape is
 * retried with backoff too, under a generic message (the details go to the log). Handlers must be
 * idempotent: a task may run again after a crash.
 */
public interface SyncHandler {

    SyncKind kind();

    SyncResult run(SyncTask task);
}

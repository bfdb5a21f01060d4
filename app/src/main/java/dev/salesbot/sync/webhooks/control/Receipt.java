package dev.salesbot.sync.webhooks.control;

/**
 * What became of a verified webhook delivery. Every one of them is answered 200 (a platform
 * removes or disables subscriptions whose deliveries keep failing); the answer's
 * {@code {"status": …}} is this name in lower case.
 */
public enum Receipt {
    /** Accepted and recorded: its work runs after the answer. */
    RECORDED,
    /** Seen before (a retry or a duplicate): nothing to do. */
    DUPLICATE,
    /** For a store or Page that is not connected: dropped, with an INFO line. */
    DROPPED,
    /** A topic, object or event this app does not act on. */
    IGNORED,
    /**
     * About an earlier state than the one it would change (an uninstall triggered before the
     * store's latest install, an erasure of a store that is installed again): nothing changed, with
     * an INFO line.
     */
    STALE,
    /** This server's own test delivery ({@code webhook_test}): recognised, no work. */
    TEST
}

package dev.salesbot.sync.queue.control;

/**
 * What a pending sync request asks for; the target is a shop domain or a Page id. When requests of
 * one target run together, the task is of the kind with the highest {@link #rank()}: an erasure
 * swallows everything asked before it (what is asked after it runs after it), a full read swallows
 * changes.
 */
public enum SyncKind {
    /** The whole store, every connection paged to its end (connect, poll). */
    SHOPIFY_FULL(false, 1),
    /** One change a webhook announced (its payload names it), patched into the stored snapshot. */
    SHOPIFY_CHANGES(true, 0),
    /** Shopify's {@code shop/redact}: the store's objects and its connection are deleted. */
    SHOPIFY_REDACT(false, 2),
    /** One Facebook Page's snapshot. */
    FACEBOOK_PAGE(false, 1),
    /** A change to a Page's fields a webhook announced: the Page is read again once its changes settle. */
    FACEBOOK_PAGE_CHANGES(true, 0),
    /** A data-deletion request of the user who connected the Page: its object and connection are deleted. */
    FACEBOOK_PAGE_DELETE(false, 2);

    private final boolean coalescible;
    private final int rank;

    SyncKind(boolean coalescible, int rank) {
        this.coalescible = coalescible;
        this.rank = rank;
    }

    /** 2 erases, 1 reads everything, 0 reads what changed. */
    public int rank() {
        return rank;
    }

    /**
     * A whole read (a store's catalog, a Page): the long work. While other kinds of work are due,
     * such tasks together take at most {@code SYNC_CONCURRENCY} − 1 of a server's slots.
     */
    public boolean whole() {
        return rank == 1;
    }

    /** A deletion: it swallows what was asked before it, never what was asked after it. */
    public boolean erases() {
        return rank == 2;
    }

    /**
     * Requests of a coalescible kind wait for a quiet window (their {@code notBefore}) after the
     * last one of their target, but never longer than the maximum delay after the first.
     */
    public boolean coalescible() {
        return coalescible;
    }
}

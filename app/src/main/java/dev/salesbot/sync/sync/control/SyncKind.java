package dev.salesbot.sync.sync.control;

/** What a pending sync request asks for; the target is a shop domain or a Page id. */
public enum SyncKind {
    /** The whole store, every connection paged to its end (connect, poll). */
    SHOPIFY_FULL(false),
    /** One change a webhook announced (its payload names it), patched into the stored snapshot. */
    SHOPIFY_CHANGES(true),
    /** Shopify's {@code shop/redact}: the store's objects and its connection are deleted. */
    SHOPIFY_REDACT(false),
    /** One Facebook Page's snapshot. */
    FACEBOOK_PAGE(false);

    private final boolean coalescible;

    SyncKind(boolean coalescible) {
        this.coalescible = coalescible;
    }

    /**
     * Requests of a coalescible kind wait for a quiet window (their {@code notBefore}) after the
     * last one of their target, but never longer than the maximum delay after the first.
     */
    public boolean coalescible() {
        return coalescible;
    }
}

package dev.salesbot.sync.sync.control;

/** What a pending sync request asks for; the target is a shop domain or a Page id. */
public enum SyncKind {
    /** The whole store, every connection paged to its end (connect, poll). */
    SHOPIFY_FULL,
    /** One Facebook Page's snapshot. */
    FACEBOOK_PAGE
}

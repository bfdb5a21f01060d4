package dev.salesbot.sync.merchants.entity;

/**
 * Where a connection (a store or a Page) stands. Only ACTIVE connections are synced; the others
 * wait for the merchant, whose next connect makes them ACTIVE again.
 */
public enum ConnectionStatus {
    /** Synced by connects, webhooks and the poll. */
    ACTIVE,
    /** The platform refused the stored token, or access the sync needs is missing: only a new connect helps. */
    NEEDS_RECONNECT,
    /** The merchant uninstalled the app: its tokens are deleted; a new install starts it afresh. */
    UNINSTALLED,
    /** Disconnected from the admin console: tokens deleted, subscriptions removed, snapshot kept; a new connect starts it again. */
    DISCONNECTED
}

package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.merchants.entity.MerchantConnection;
import dev.salesbot.sync.queue.control.SyncKind;

import java.util.List;

/**
 * What the connection operations need of one platform: Shopify for stores, Facebook for Pages.
 * Exactly one CDI bean per platform, found by the connection it owns ({@link ConnectionPlatforms}),
 * as the sync worker finds a {@code SyncHandler} by kind; the operations never ask which type a
 * connection is. Platform calls use the connection's own token and throw what the platform
 * refuses.
 */
public interface ConnectionPlatform {

    /** {@code shopify} or {@code facebook}, as the consoles and their JSON name the platform. */
    String name();

    boolean owns(MerchantConnection connection);

    /** The sync that reads the connection whole (connect, poll, "sync now"). */
    SyncKind fullSync();

    /** The sync that deletes the connection's objects and the connection itself. */
    SyncKind deletion();

    /** The webhook topics or fields every connection of the platform is subscribed to, sorted. */
    List<String> wantedWebhooks();

    /** Brings the connection's subscriptions to what is wanted, now. */
    Registration registerWebhooks(MerchantConnection connection);

    /** Removes the connection's subscriptions; answers what was done, in words. */
    String removeSubscriptions(MerchantConnection connection);

    /** What a registration did: whether every wanted subscription is in place, and in words. */
    record Registration(boolean complete, String message) {
    }
}

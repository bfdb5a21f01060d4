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

    /**
     * What names the platform and its work.
     *
     * @param name        {@code shopify} or {@code facebook}, as the consoles and their JSON name it
     * @param connections the connections it owns
     * @param fullSync    the sync that reads a connection whole (connect, poll, "sync now")
     * @param deletion    the sync that deletes a connection's objects and the connection itself
     * @param webhooks    the webhook topics or fields every connection is subscribed to, sorted
     */
    record Description(String name, Class<? extends MerchantConnection> connections, SyncKind fullSync, SyncKind deletion,
                       List<String> webhooks) {
    }

    Description description();

    /** The platform API version the product asks for, and the setting that configures it. */
    record ApiVersion(String setting, String version) {
    }

    /** The API version as configured, unchecked (readiness names a malformed one; the dashboard shows it as unknown). */
    ApiVersion apiVersion();

    default boolean owns(MerchantConnection connection) {
        return description().connections().isInstance(connection);
    }

    /** Brings the connection's subscriptions to what is wanted, now. */
    Registration registerWebhooks(MerchantConnection connection);

    /** Removes the connection's subscriptions; answers what was done, in words. */
    String removeSubscriptions(MerchantConnection connection);

    /** What a registration did: whether every wanted subscription is in place, and in words. */
    record Registration(boolean complete, String message) {
    }
}

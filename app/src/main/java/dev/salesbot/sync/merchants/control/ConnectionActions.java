package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.merchants.entity.MerchantConnection;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.queue.control.Syncs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an operator (the admin console) or the merchant (their own pages) can do to a connection:
 * sync it now, re-register its webhooks, disconnect it, or delete it — or a whole merchant with
 * everything of theirs. What a platform does is its {@link ConnectionPlatform}'s; what a platform
 * refuses is reported in the answer, never hidden. A disconnect deletes the tokens even when the
 * platform cannot be reached (the subscriptions then stay until the platform drops them: the
 * answer says so). A deletion goes through the durable queue (a store's redaction, a Page's data
 * deletion), so a storage outage delays it but loses nothing.
 */
@ApplicationScoped
public class ConnectionActions {

    private static final System.Logger LOGGER = System.getLogger(ConnectionActions.class.getName());

    /** A lower-case UUID, as the consoles list connection and merchant ids. */
    public static final Pattern ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /** What an action did, in words and figures, for the consoles and the JSON API. */
    public record Done(String action, String connection, String target, boolean completed, String message, String request) {
    }

    @Inject
    StoreConnections shops;

    @Inject
    PageConnections pages;

    @Inject
    ConnectionPlatforms platforms;

    @Inject
    Syncs syncs;

    @Inject
    SyncRequests requests;

    public MerchantConnection find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw Refusal.badInput("invalid-connection-id", "A connection id is a UUID, as /admin/api/connections lists it.");
        }
        Optional<MerchantConnection> found = shops.findById(id).<MerchantConnection>map(c -> c)
                .or(() -> pages.findById(id).map(c -> c));
        return found.orElseThrow(() -> Refusal.notFound("unknown-connection", "No connection has the id " + id + "."));
    }

    /** A full sync of the connection, queued now; refused when the connection is not active. */
    public Done sync(String id) {
        MerchantConnection c = find(id);
        requireActive(c, "synced");
        String request = syncs.enqueue(platforms.of(c).description().fullSync(), c.target(), c.merchantId(), null);
        LOGGER.log(System.Logger.Level.INFO, "Sync of {0} requested from the admin console", c.target());
        return new Done("sync", id, c.target(), true, "Full sync of " + c.target() + " queued.", request);
    }

    /** Brings the connection's webhook subscriptions to what is wanted, now. */
    public Done registerWebhooks(String id) {
        MerchantConnection c = find(id);
        requireActive(c, "re-registered");
        try {
            ConnectionPlatform.Registration done = platforms.of(c).registerWebhooks(c);
            return new Done("webhooks", id, c.target(), done.complete(), done.message(), null);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Admin action webhooks on {0} failed: {1}", c.target(), e.getMessage());
            throw Refusal.upstreamFailed("platform-refused", "The platform refused or could not be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Tokens deleted, subscriptions removed where the platform allows, the snapshot kept; on behalf
     * of {@code by} (an operator, the merchant), as the log, the request's outcome and the
     * connection's status reason say.
     */
    public Done disconnect(String id, String by) {
        MerchantConnection c = find(id);
        Removal removed = removeSubscriptions(c);
        String reason = "Disconnected by " + by + "; connect again to resume.";
        if (!shops.disconnect(c.target(), reason)) {
            pages.disconnect(c.target(), reason);
        }
        requests.abandonPendingOf(c.target(), "The connection was disconnected by " + by + ".");
        LOGGER.log(System.Logger.Level.INFO, "{0} disconnected by {1}: {2}", c.target(), by, removed.words());
        return new Done("disconnect", id, c.target(), removed.done(), "Disconnected: tokens deleted; " + removed.words() + "; snapshot kept.", null);
    }

    /**
     * The merchant's subscriptions removed, then every object and connection of theirs deleted
     * through the queue: answers the requests queued (a merchant with no connection is a 404).
     */
    public List<Done> deleteMerchant(UUID merchant) {
        List<MerchantConnection> connections = new ArrayList<>();
        shops.ofMerchant(merchant).ifPresent(connections::add);
        connections.addAll(pages.ofMerchant(merchant));
        if (connections.isEmpty()) {
            throw Refusal.notFound("unknown-merchant", "No connection belongs to the merchant " + merchant + ".");
        }
        List<Done> done = new ArrayList<>();
        for (MerchantConnection c : connections) {
            done.add(delete(c, "The merchant was deleted by an operator."));
        }
        LOGGER.log(System.Logger.Level.INFO, "Merchant {0} deleted from the admin console ({1} connection(s))", merchant, connections.size());
        return done;
    }

    /**
     * One connection's subscriptions removed, then its objects and the connection itself deleted
     * through the queue (a store's redaction, a Page's data deletion), on behalf of {@code by}.
     */
    public Done deleteConnection(String id, String by) {
        MerchantConnection c = find(id);
        Done done = delete(c, "The connection was deleted by " + by + ".");
        LOGGER.log(System.Logger.Level.INFO, "{0} deleted by {1}: {2}", c.target(), by, done.message());
        return done;
    }

    /** Subscriptions removed, pending syncs ended with {@code reason}, the durable deletion queued. */
    private Done delete(MerchantConnection c, String reason) {
        Removal removed = removeSubscriptions(c);
        requests.abandonPendingOf(c.target(), reason);
        String request = syncs.enqueue(platforms.of(c).description().deletion(), c.target(), c.merchantId(), null);
        return new Done("delete", c.id(), c.target(), true, removed.words() + "; deletion of its objects and connection queued.", request);
    }

    /** Whether the platform was told to stop notifying (or there was nothing to tell), and what happened in words. */
    private record Removal(boolean done, String words) {
    }

    /** Removes the connection's subscriptions if it still has a token. */
    private Removal removeSubscriptions(MerchantConnection c) {
        if (!c.active()) {
            return new Removal(true, "no subscription to remove (the connection is " + status(c) + ")");
        }
        try {
            return new Removal(true, platforms.of(c).removeSubscriptions(c));
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Could not remove the subscriptions of {0}: {1}", c.target(), e.getMessage());
            return new Removal(false, "the subscriptions could not be removed (" + e.getMessage()
                    + "); the platform drops them once the app's token is gone");
        }
    }

    private static void requireActive(MerchantConnection c, String what) {
        if (!c.active()) {
            throw Refusal.conflict("connection-not-active", "Connection not active", "The connection " + c.target() + " is "
                    + status(c) + " and cannot be " + what + "; the merchant must connect it again.");
        }
    }

    private static String status(MerchantConnection c) {
        return c.status().name().toLowerCase(Locale.ROOT);
    }
}

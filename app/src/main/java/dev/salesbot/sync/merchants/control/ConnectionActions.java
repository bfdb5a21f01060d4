package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.graph.GraphClient;
import dev.salesbot.sync.facebook.graph.PageTokens;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.merchants.entity.MerchantConnection;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.queue.control.TargetStatuses;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.GraphqlSession;
import dev.salesbot.sync.shopify.graphql.GraphqlSessions;
import dev.salesbot.sync.shopify.oauth.ShopifyTokens;
import dev.salesbot.sync.shopify.webhooks.WebhookRegistrations;
import dev.salesbot.sync.shopify.webhooks.WebhookTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What an operator can do to a connection from the admin console: sync it now, re-register its
 * webhooks, disconnect it, or delete a merchant with everything of theirs. Platform calls are made
 * with the connection's own token; what a platform refuses is reported in the answer, never hidden.
 * A disconnect deletes the tokens even when the platform cannot be reached (the subscriptions then
 * stay until the platform drops them: the answer says so). Deleting a merchant goes through the
 * durable queue (a shop redaction and a Page data deletion per connection), so a storage outage
 * delays it but loses nothing.
 */
@ApplicationScoped
public class ConnectionActions {

    private static final System.Logger LOGGER = System.getLogger(ConnectionActions.class.getName());

    /** A connection found by the id the console lists. */
    public record Target(MerchantConnection connection) {
        public boolean shopify() {
            return connection instanceof ShopifyConnection;
        }

        public String target() {
            return connection instanceof ShopifyConnection s ? s.shop() : ((FacebookPageConnection) connection).pageId();
        }
    }

    /** What an action did, in words and figures, for the console and the JSON API. */
    public record Done(String action, String connection, String target, boolean completed, String message, String request) {
    }

    @Inject
    StoreConnections shops;

    @Inject
    PageConnections pages;

    @Inject
    Syncs syncs;

    @Inject
    SyncRequests requests;

    @Inject
    ShopifyTokens shopTokens;

    @Inject
    GraphqlSessions sessions;

    @Inject
    WebhookRegistrations webhooks;

    @Inject
    PageTokens pageTokens;

    @Inject
    GraphClient graph;

    @Inject
    FacebookApp facebook;

    @Inject
    TargetStatuses statuses;

    /** A lower-case UUID, as the console lists connection and merchant ids. */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    public Target find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw Refusal.badInput("invalid-connection-id", "A connection id is a UUID, as /admin/api/connections lists it.");
        }
        Optional<MerchantConnection> found = shops.findById(id).<MerchantConnection>map(c -> c)
                .or(() -> pages.findById(id).map(c -> c));
        return new Target(found.orElseThrow(() -> Refusal.notFound("unknown-connection", "No connection has the id " + id + ".")));
    }

    /** A full sync of the connection, queued now; refused when the connection is not active. */
    public Done sync(String id) {
        Target t = find(id);
        requireActive(t, "synced");
        String request = syncs.enqueue(t.shopify() ? SyncKind.SHOPIFY_FULL : SyncKind.FACEBOOK_PAGE, t.target(),
                t.connection().merchantId(), null);
        LOGGER.log(System.Logger.Level.INFO, "Sync of {0} requested from the admin console", t.target());
        return new Done("sync", id, t.target(), true, "Full sync of " + t.target() + " queued.", request);
    }

    /** Brings the connection's webhook subscriptions to what is wanted, now. */
    public Done registerWebhooks(String id) {
        Target t = find(id);
        requireActive(t, "re-registered");
        try {
            if (t.shopify()) {
                ShopDomain shop = new ShopDomain(t.target());
                WebhookRegistrations.State state;
                try (GraphqlSession session = sessions.open(sessions.access(shop, shopTokens.accessToken(shop)))) {
                    state = webhooks.ensure(shop, session.graphql());
                }
                shops.recordWebhooks(shop.value(), state.topics(), state.problem());
                return new Done("webhooks", id, t.target(), state.complete(), state.complete()
                        ? "Subscribed to " + state.present().size() + " topic(s): " + state.created() + " created, " + state.deleted() + " removed."
                        : state.problem(), null);
            }
            FacebookPageConnection page = (FacebookPageConnection) t.connection();
            List<String> fields = graph.subscribe(page.pageId(), pageTokens.open(page));
            statuses.webhooksChecked(page.pageId(), fields, facebook.webhookFields());
            return new Done("webhooks", id, t.target(), true, "Page subscribed to " + String.join(",", fields) + ".", null);
        } catch (RuntimeException e) {
            throw platformFailed("webhooks", t, e);
        }
    }

    /** Tokens deleted, subscriptions removed where the platform allows, the snapshot kept. */
    public Done disconnect(String id) {
        return disconnect(id, "an operator");
    }

    /** {@link #disconnect(String)} on behalf of {@code by} (an operator, the merchant), as the log and the request's outcome say. */
    public Done disconnect(String id, String by) {
        Target t = find(id);
        Removal removed = removeSubscriptions(t);
        if (t.shopify()) {
            shops.disconnect(t.target());
        } else {
            pages.disconnect(t.target());
        }
        requests.abandonPendingOf(t.target(), "The connection was disconnected by " + by + ".");
        LOGGER.log(System.Logger.Level.INFO, "{0} disconnected by {1}: {2}", t.target(), by, removed.words());
        return new Done("disconnect", id, t.target(), removed.done(), "Disconnected: tokens deleted; " + removed.words() + "; snapshot kept.", null);
    }

    /**
     * The merchant's subscriptions removed, then every object and connection of theirs deleted
     * through the queue: answers the requests queued (a merchant with no connection is a 404).
     */
    public List<Done> deleteMerchant(UUID merchant) {
        List<Target> targets = new ArrayList<>();
        shops.ofMerchant(merchant).ifPresent(c -> targets.add(new Target(c)));
        pages.ofMerchant(merchant).forEach(c -> targets.add(new Target(c)));
        if (targets.isEmpty()) {
            throw Refusal.notFound("unknown-merchant", "No connection belongs to the merchant " + merchant + ".");
        }
        List<Done> done = new ArrayList<>();
        for (Target t : targets) {
            done.add(delete(t, "The merchant was deleted by an operator."));
        }
        LOGGER.log(System.Logger.Level.INFO, "Merchant {0} deleted from the admin console ({1} connection(s))", merchant, targets.size());
        return done;
    }

    /**
     * One connection's subscriptions removed, then its objects and the connection itself deleted
     * through the queue (a store's redaction, a Page's data deletion), on behalf of {@code by}.
     */
    public Done deleteConnection(String id, String by) {
        Target t = find(id);
        Done done = delete(t, "The connection was deleted by " + by + ".");
        LOGGER.log(System.Logger.Level.INFO, "{0} deleted by {1}: {2}", t.target(), by, done.message());
        return done;
    }

    /** Subscriptions removed, pending syncs ended with {@code reason}, the durable deletion queued. */
    private Done delete(Target t, String reason) {
        Removal removed = removeSubscriptions(t);
        requests.abandonPendingOf(t.target(), reason);
        String request = syncs.enqueue(t.shopify() ? SyncKind.SHOPIFY_REDACT : SyncKind.FACEBOOK_PAGE_DELETE, t.target(),
                t.connection().merchantId(), null);
        return new Done("delete", t.connection().id(), t.target(), true,
                removed.words() + "; deletion of its objects and connection queued.", request);
    }

    /** Whether the platform was told to stop notifying (or there was nothing to tell), and what happened in words. */
    private record Removal(boolean done, String words) {
    }

    /** Removes the connection's subscriptions if it still has a token. */
    private Removal removeSubscriptions(Target t) {
        if (!t.connection().active()) {
            return new Removal(true, "no subscription to remove (the connection is "
                    + t.connection().status().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        try {
            if (t.shopify()) {
                ShopDomain shop = new ShopDomain(t.target());
                try (GraphqlSession session = sessions.open(sessions.access(shop, shopTokens.accessToken(shop)))) {
                    return new Removal(true, webhooks.removeAll(shop, session.graphql()) + " Shopify webhook subscription(s) removed");
                }
            }
            FacebookPageConnection page = (FacebookPageConnection) t.connection();
            graph.unsubscribe(page.pageId(), pageTokens.open(page));
            statuses.webhooksChecked(page.pageId(), List.of(), facebook.webhookFields());
            return new Removal(true, "the Page's subscribed_apps entry removed");
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Could not remove the subscriptions of {0}: {1}", t.target(), e.getMessage());
            return new Removal(false, "the subscriptions could not be removed (" + e.getMessage()
                    + "); the platform drops them once the app's token is gone");
        }
    }

    private static void requireActive(Target t, String what) {
        if (!t.connection().active()) {
            throw Refusal.conflict("connection-not-active", "Connection not active", "The connection " + t.target() + " is "
                    + t.connection().status().name().toLowerCase(java.util.Locale.ROOT) + " and cannot be " + what
                    + "; the merchant must connect it again.");
        }
    }

    private static Refusal platformFailed(String action, Target t, RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "Admin action {0} on {1} failed: {2}", action, t.target(), e.getMessage());
        return Refusal.upstreamFailed("platform-refused", "The platform refused or could not be reached: " + e.getMessage(), e);
    }

    /** The webhook topics every store is subscribed to, as the console lists them. */
    public static List<String> wantedShopifyTopics() {
        return WebhookTopic.subscribed().stream().map(WebhookTopic::header).sorted().toList();
    }
}

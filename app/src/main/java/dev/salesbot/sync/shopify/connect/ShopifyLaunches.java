package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ConnectionStatus;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.queue.control.SyncOutcome;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.queue.control.TargetStatuses;
import dev.salesbot.sync.queue.entity.TargetStatus;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.oauth.ShopifyTokens;
import dev.salesbot.sync.shopify.webhooks.WebhookCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A merchant opening the app from the Shopify admin: Shopify sends the browser to the App URL with
 * {@code shop}, {@code host}, {@code timestamp} and {@code hmac}, signed as the OAuth callback is
 * ({@link ShopifySignedRequests}). That identifies the store, with no OAuth round trip, and
 * {@link #decide} says where the merchant goes: the store's page when the store is installed and
 * its token usable, the install (the grant page) otherwise — a store never installed, uninstalled,
 * disconnected or needing a reconnect, whose merchant has to approve the app again anyway. Each
 * launch is used once ({@link UsedLaunches}): a copy of its address, still in the timestamp's
 * window, is refused.
 */
@ApplicationScoped
public class ShopifyLaunches {

    /** Where a verified launch goes. */
    public enum Action {
        /** The browser session becomes the store's merchant and sees the store's page. */
        OPEN,
        /** The OAuth install starts, as {@code /shopify/{shop}/login} starts it. */
        INSTALL
    }

    /** A verified launch: what to do for which store; {@code merchant} only for {@link Action#OPEN}. */
    public record Launch(Action action, ShopDomain shop, UUID merchant, String why) {
    }

    private static final List<String> COUNTED = List.of("products", "variants", "discounts", "collections");

    @Inject
    ShopifySignedRequests signed;

    @Inject
    UsedLaunches used;

    @Inject
    StoreConnections connections;

    @Inject
    ShopifyTokens tokens;

    @Inject
    TargetStatuses statuses;

    @Inject
    SyncRequests requests;

    @Inject
    WebhookCheck webhookTest;

    @Inject
    PollingCheck pollingTest;

    /**
     * @param query the App URL request's query parameters, each given once
     * @throws Refusal when it is not Shopify's signed launch for this app, or no longer fresh
     */
    public Launch decide(Map<String, String> query) {
        ShopDomain shop = signed.verify(query, ShopifySignedRequests.Kind.LAUNCH);
        // Verified, so the timestamp is a number within the window; the row outlives the window with the clocks' skew to spare.
        long expiresAt = (Long.parseLong(query.get("timestamp")) + 2 * ShopifySignedRequests.TIMESTAMP_WINDOW.toSeconds()) * 1000;
        if (!used.firstUse(query.get("hmac"), expiresAt)) {
            throw Refusal.notAllowed("replayed-launch", "This launch from the Shopify admin was used before; Shopify signs a new one "
                    + "each time the app is opened, so this one is a copy.");
        }
        Optional<ShopifyConnection> found = connections.findShop(shop.value());
        if (found.isEmpty()) {
            return new Launch(Action.INSTALL, shop, null, "the app was never installed here");
        }
        ShopifyConnection store = found.get();
        if (!tokens.usable(store)) {
            return new Launch(Action.INSTALL, shop, null, unusable(store.status()));
        }
        return new Launch(Action.OPEN, shop, store.merchantId(), "installed");
    }

    private static String unusable(ConnectionStatus status) {
        return switch (status) {
            case ACTIVE -> "its access token expired and cannot be refreshed";
            case NEEDS_RECONNECT -> "it needs a reconnect";
            case UNINSTALLED -> "the app was uninstalled";
            case DISCONNECTED -> "it was disconnected";
        };
    }

    /**
     * The page a connect shows, as things stand now, for the merchant's store (empty when the
     * merchant has none): nothing is synced or waited for — the bot's copy is what the last sync
     * left — and the webhook test and the live read run as after a connect (neither writes anything).
     */
    public Optional<ShopifyConnect.Connected> page(UUID merchant) {
        return connections.ofMerchant(merchant).map(store -> {
            ShopDomain shop = new ShopDomain(store.shop());
            return new ShopifyConnect.Connected(merchant, shop, store.scope() == null ? "" : store.scope(), copy(store.shop()),
                    webhookTest.run(shop), pollingTest.run(shop));
        });
    }

    /** The bot's copy as the last sync left it, in the terms of a connect's {@code upload_status}. */
    private SyncOutcome copy(String shop) {
        TargetStatus status = statuses.find(shop).orElse(null);
        if (status != null && status.lastSuccessAt() != null) {
            Map<String, Long> counts = TargetStatuses.counts(status);
            JsonObjectBuilder summary = Jsonp.createObjectBuilder();
            COUNTED.forEach(name -> summary.add(name, counts.getOrDefault(name, 0L)));
            return SyncOutcome.done(new SyncResult(false, "The bot's copy as of its last update.", summary.build(), null));
        }
        if (status != null && status.lastError() != null && requests.pendingOf(shop).isEmpty()) {
            return SyncOutcome.failed(status.lastError());
        }
        return SyncOutcome.pending("The first sync is still running.");
    }
}

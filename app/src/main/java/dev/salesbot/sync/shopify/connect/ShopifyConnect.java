package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.queue.control.SyncOutcome;
import dev.salesbot.sync.queue.control.SyncProgresses;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.security.control.StateNonces;
import dev.salesbot.sync.security.control.StateTokens;
import dev.salesbot.sync.shopify.entity.AccessScopes;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.shopify.oauth.OfflineToken;
import dev.salesbot.sync.shopify.oauth.ShopifyOAuth;
import dev.salesbot.sync.shopify.sync.StoreSyncHandler;
import dev.salesbot.sync.shopify.webhooks.WebhookCheck;
import dev.salesbot.sync.webhooks.control.TestDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flows 1 and 2 of the architecture: send a merchant to Shopify with a fresh state, and accept
 * Shopify's redirect back only when every check passes — in an order where nothing is spent
 * (no state consumed, no code exchanged, nothing stored) for a request that fails one.
 *
 * <p>In two steps, so that the boundary can give the browser session its merchant and a new
 * session id as soon as the merchant is known, before any waiting: {@link #complete} verifies,
 * exchanges the code and records the install; {@link #firstSnapshot} waits (bounded) for the
 * first sync.
 */
@ApplicationScoped
public class ShopifyConnect {

    static final String PURPOSE = "shopify-connect";
    private static final System.Logger LOGGER = System.getLogger(ShopifyConnect.class.getName());

    /** A store whose install is recorded: its merchant, the granted scope and its first sync. */
    public record Accepted(UUID merchant, ShopDomain shop, String scope, Syncs.Ticket firstSync) {
    }

    /** A store that is now connected, how far its first snapshot got within the wait, its webhook test and its polling test. */
    public record Connected(UUID merchant, ShopDomain shop, String scope, SyncOutcome upload, TestDelivery.Result webhookTest,
                            PollingCheck.Result pollingTest) {
    }

    @Inject
    ShopifyApp app;

    @Inject
    ShopifyOAuth oauth;

    @Inject
    ShopifySignedRequests signed;

    @Inject
    ShopifyInstalls installs;

    @Inject
    StoreSyncHandler fullSyncs;

    @Inject
    StateTokens states;

    @Inject
    Syncs syncs;

    @Inject
    WebhookCheck webhookTest;

    @Inject
    PollingCheck pollingTest;

    @Inject
    SyncProgresses progress;

    /** How long the result page waits for the first snapshot before it shows the sync's progress instead. */
    @Inject
    @ConfigProperty(name = "CALLBACK_PAGE_WAIT_SECONDS", defaultValue = "3")
    int pageWaitSeconds;

    @Inject
    @ConfigProperty(name = "CALLBACK_SYNC_WAIT_SECONDS", defaultValue = "20")
    int callbackWaitSeconds;

    /** Where to send the browser to install the app on {@code shop}. */
    public URI begin(ShopDomain shop, String sessionId, StateNonces nonces) {
        if (!oauth.storeExists(shop)) {
            throw Refusal.notFound("unknown-store", "Shopify has no store at " + shop + ". Check the name: it is the part before "
                    + ".myshopify.com in your Shopify admin's address, or under Settings → Domains.");
        }
        String state = states.issue(PURPOSE, shop.value(), sessionId, nonces);
        LOGGER.log(System.Logger.Level.INFO, "Starting Shopify connect for {0}", shop);
        return oauth.authorizeUri(shop, state);
    }

    /**
     * Verifies Shopify's redirect ({@link ShopifySignedRequests}, then the state), exchanges the code, checks the
     * granted scopes and records the install with its first sync (one transaction).
     *
     * @param query the callback's query parameters, each given once
     * @throws Refusal for anything that fails a check; nothing is stored then
     */
    public Accepted complete(Map<String, String> query, String sessionId, StateNonces nonces) {
        ShopDomain shop = signed.verify(query, ShopifySignedRequests.Kind.CALLBACK);
        states.use(states.check(query.get("state"), PURPOSE, sessionId), shop.value(), "shop", nonces);
        OfflineToken token;
        try {
            token = oauth.exchange(shop, query.get("code"));
        } catch (ShopifyOAuth.TokenEndpointFailed e) {
            throw Refusal.upstreamFailed("token-exchange-failed", e.getMessage() + ". Start the connection again.", null);
        }
        List<String> notGranted = AccessScopes.missing(app.scopes(), token.scope());
        if (!notGranted.isEmpty()) {
            LOGGER.log(System.Logger.Level.WARNING, "Shopify connect for {0} refused: scope(s) {1} not granted (granted {2})",
                    shop, notGranted, token.scope());
            throw Refusal.notAllowed("missing-scope", "The store granted only " + token.scope() + ", not "
                    + String.join(", ", notGranted) + ", which the bot needs to read the catalog. Nothing was connected: "
                    + "connect again and approve every access the app asks for.");
        }
        ShopifyInstalls.Installed installed = installs.record(shop, token);
        LOGGER.log(System.Logger.Level.INFO, "Connected {0} for merchant {1} (scope {2})", shop, installed.merchant(), token.scope());
        return new Accepted(installed.merchant(), shop, token.scope(), installed.firstSync());
    }

    /**
     * Waits at most {@code CALLBACK_SYNC_WAIT_SECONDS} for the first snapshot (which registers the
     * webhooks first), then tests the webhook address (a few seconds at most) and reads the store live.
     */
    public Connected firstSnapshot(Accepted accepted) {
        return firstSnapshot(accepted, Duration.ofSeconds(callbackWaitSeconds));
    }

    /** The first snapshot as the browser's result page waits for it: {@code CALLBACK_PAGE_WAIT_SECONDS} at most. */
    public Connected firstSnapshotForPage(Accepted accepted) {
        return firstSnapshot(accepted, Duration.ofSeconds(Math.min(pageWaitSeconds, callbackWaitSeconds)));
    }

    /** {@link #firstSnapshot(Accepted)} waiting at most {@code wait}: a page that shows the sync's progress waits less. */
    public Connected firstSnapshot(Accepted accepted, Duration wait) {
        SyncOutcome upload = syncs.await(accepted.firstSync(), wait);
        PollingCheck.Result live = pollingTest.run(accepted.shop());
        if ("success".equals(live.status())) {
            progress.total(accepted.shop().value(), live.productsCount());
            if ("pending".equals(upload.status()) && fullSyncs.readsInBulk(live.productsCount())) {
                upload = SyncOutcome.pending(upload.message() + " Its " + String.format(java.util.Locale.ROOT, "%,d", live.productsCount())
                        + " products are read through Shopify's bulk operations.");
            }
        }
        return new Connected(accepted.merchant(), accepted.shop(), accepted.scope(), upload, webhookTest.run(accepted.shop()), live);
    }
}

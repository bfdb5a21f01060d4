package dev.salesbot.sync.shopify.control;

import dev.salesbot.sync.merchants.boundary.MerchantSession;
import dev.salesbot.sync.problems.boundary.Problem;
import dev.salesbot.sync.security.control.InvalidState;
import dev.salesbot.sync.security.control.PendingStates;
import dev.salesbot.sync.security.control.ShopifyQuerySignature;
import dev.salesbot.sync.security.control.StateTokens;
import dev.salesbot.sync.sync.control.SyncKind;
import dev.salesbot.sync.sync.control.SyncOutcome;
import dev.salesbot.sync.sync.control.Syncs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flows 1 and 2 of the architecture: send a merchant to Shopify with a fresh state, and accept
 * Shopify's redirect back only when every check passes — in an order where nothing is spent
 * (no state consumed, no code exchanged, nothing stored) for a request that fails one.
 */
@ApplicationScoped
public class ShopifyConnect {

    static final String PURPOSE = "shopify-connect";
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);
    private static final List<String> REQUIRED = List.of("code", "shop", "state", "hmac", "timestamp");
    private static final System.Logger LOGGER = System.getLogger(ShopifyConnect.class.getName());

    /** A store that is now connected, and how far its first snapshot got within the wait. */
    public record Connected(UUID merchant, ShopDomain shop, String scope, SyncOutcome upload) {
    }

    @Inject
    ShopifyApp app;

    @Inject
    ShopifyOAuth oauth;

    @Inject
    ShopifyTokens tokens;

    @Inject
    StateTokens states;

    @Inject
    PendingStates pending;

    @Inject
    MerchantSession merchantSession;

    @Inject
    Syncs syncs;

    @Inject
    @ConfigProperty(name = "CALLBACK_SYNC_WAIT_SECONDS", defaultValue = "20")
    int callbackWaitSeconds;

    Clock clock = Clock.systemUTC();

    /** Where to send the browser to install the app on {@code shop}. */
    public URI begin(ShopDomain shop, String sessionId) {
        String state = states.issue(PURPOSE, shop.value(), sessionId);
        pending.remember(states.verify(state, PURPOSE, sessionId).nonce());
        LOGGER.log(System.Logger.Level.INFO, "Starting Shopify connect for {0}", shop);
        return oauth.authorizeUri(shop, state);
    }

    /**
     * Verifies Shopify's redirect (hmac, timestamp, shop, state) and exchanges the code.
     *
     * @param query the callback's query parameters, each given once
     */
    public Connected complete(Map<String, String> query, String sessionId) {
        List<String> missing = REQUIRED.stream().filter(p -> blank(query.get(p))).toList();
        if (!missing.isEmpty()) {
            throw Problem.badRequest("missing-parameter",
                    "The Shopify callback is missing the parameter(s): " + String.join(", ", missing) + ".");
        }
        ShopDomain shop = parseShop(query.get("shop"));
        if (!ShopifyQuerySignature.verify(app.apiSecret(), query)) {
            throw Problem.forbidden("invalid-signature",
                    "The callback's hmac does not match its parameters; it was not sent by Shopify for this app.");
        }
        checkTimestamp(query.get("timestamp"));
        StateTokens.Claims claims = verifyState(query.get("state"), sessionId);
        if (!claims.subject().equals(shop.value())) {
            throw Problem.forbidden("invalid-state", "The state was issued for another shop.");
        }
        if (!pending.consume(claims.nonce())) {
            throw Problem.forbidden("invalid-state", "The state has already been used; start the connection again.");
        }
        OfflineToken token;
        try {
            token = oauth.exchange(shop, query.get("code"));
        } catch (ShopifyOAuth.TokenEndpointFailed e) {
            throw Problem.badGateway("token-exchange-failed", e.getMessage() + ". Start the connection again.", null);
        }
        UUID merchant = tokens.store(shop, merchantSession.merchant(), token);
        merchantSession.actFor(merchant);
        LOGGER.log(System.Logger.Level.INFO, "Connected {0} for merchant {1} (scope {2})", shop, merchant, token.scope());
        // Durable before we wait: if the wait ends first (or the server stops), the sync still happens.
        SyncOutcome upload = syncs.requestAndWait(SyncKind.SHOPIFY_FULL, shop.value(), merchant,
                Duration.ofSeconds(callbackWaitSeconds));
        return new Connected(merchant, shop, token.scope(), upload);
    }

    private static ShopDomain parseShop(String shop) {
        try {
            return ShopDomain.parse(shop);
        } catch (ShopDomain.InvalidShop e) {
            throw Problem.badRequest("invalid-shop", e.getMessage() + ".");
        }
    }

    private void checkTimestamp(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("invalid-timestamp", "The callback's timestamp is not a number of seconds.");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(TIMESTAMP_WINDOW) > 0) {
            throw Problem.forbidden("stale-request", "The callback's timestamp is " + age.toSeconds()
                    + " s away from the server's clock; more than " + TIMESTAMP_WINDOW.toSeconds() + " s is refused.");
        }
    }

    private StateTokens.Claims verifyState(String state, String sessionId) {
        try {
            return states.verify(state, PURPOSE, sessionId);
        } catch (InvalidState e) {
            throw Problem.forbidden("invalid-state", "Refused: " + e.getMessage() + ".");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

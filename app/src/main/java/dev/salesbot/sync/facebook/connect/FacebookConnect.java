package dev.salesbot.sync.facebook.connect;

import dev.salesbot.sync.facebook.graph.AccessToken;
import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.graph.GraphClient;
import dev.salesbot.sync.facebook.graph.GraphException;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.InvalidState;
import dev.salesbot.sync.security.control.StateNonces;
import dev.salesbot.sync.security.control.StateTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Flow 3 of the architecture: send a merchant's browser to the Facebook Login dialog with a
 * fresh state, and accept the redirect back only when the state is this session's, unused and
 * issued for this session's merchant — checked before the code is exchanged, so a forged or
 * replayed callback costs nothing and stores nothing. Then the code becomes a long-lived user
 * token, partial grants are refused by name, and {@code /me/accounts} is listed to its end for
 * {@link PageConnect}, which records every Page and its sync before the answer waits.
 *
 * <p>The caller passes the merchant its browser session acts for (the Shopify connect set it);
 * this class never reads the session itself.
 */
@ApplicationScoped
public class FacebookConnect {

    static final String PURPOSE = "facebook-connect";
    private static final System.Logger LOGGER = System.getLogger(FacebookConnect.class.getName());

    @Inject
    FacebookApp app;

    @Inject
    GraphClient graph;

    @Inject
    PageConnect pages;

    @Inject
    StateTokens states;

    /** Where to send the browser; {@code sessionId} null means the browser has no session at all. */
    public URI begin(String sessionId, Optional<UUID> sessionMerchant, StateNonces nonces) {
        UUID merchant = merchant(sessionId, sessionMerchant);
        String state = states.issue(PURPOSE, merchant.toString(), sessionId, nonces);
        LOGGER.log(System.Logger.Level.INFO, "Starting Facebook connect for merchant {0}", merchant);
        return UriBuilder.fromUri(app.dialogBase())
                .path(app.apiVersion()).path("dialog/oauth")
                .queryParam("client_id", app.appId())
                .queryParam("redirect_uri", app.redirectUri())
                .queryParam("state", state)
                .queryParam("scope", String.join(",", app.scopes()))
                .queryParam("response_type", "code")
                .build();
    }

    /**
     * Checks the callback, exchanges the code, lists the Pages and records them with their syncs.
     *
     * @param query the callback's query parameters, each given once
     * @throws Refusal for anything that fails a check; nothing is stored then
     */
    public PageConnect.Recorded complete(Map<String, String> query, String sessionId, Optional<UUID> sessionMerchant,
                                         StateNonces nonces) {
        if (sessionId == null) {
            throw Refusal.notAllowed("invalid-state",
                    "This browser has no session from the start of the connection (are cookies blocked?); start again.");
        }
        if (query.get("error") != null) {
            throw denied(query, sessionId, nonces);
        }
        List<String> missing = List.of("code", "state").stream().filter(p -> blank(query.get(p))).toList();
        if (!missing.isEmpty()) {
            throw Refusal.badInput("missing-parameter",
                    "The Facebook callback is missing the parameter(s): " + String.join(", ", missing) + ".");
        }
        StateTokens.Claims claims = states.check(query.get("state"), PURPOSE, sessionId);
        UUID merchant = merchant(sessionId, sessionMerchant);
        states.use(claims, merchant.toString(), "merchant", nonces);
        Granted granted = listPages(query.get("code"));
        ManagedPages.Listing listing = granted.listing();
        PageConnect.Recorded recorded = pages.record(merchant, granted.userId(), listing);
        LOGGER.log(System.Logger.Level.INFO, "Facebook connect for merchant {0}: {1} Page(s) connected, {2} refused",
                merchant, listing.granted().size(), listing.refused().size());
        return recorded;
    }

    /** Who granted (their app-scoped id) and the Pages they granted. */
    private record Granted(String userId, ManagedPages.Listing listing) {
    }

    private Granted listPages(String code) {
        try {
            AccessToken user = graph.longLived(exchange(code));
            List<String> declined = Permissions.missing(graph.permissions(user), app.scopes());
            if (!declined.isEmpty()) {
                throw partialGrant(declined);
            }
            return new Granted(graph.userId(user), ManagedPages.collect(after -> graph.accounts(user, after)));
        } catch (GraphException e) {
            if (e.rateLimited()) {
                throw Refusal.upstreamBusy("facebook-rate-limited", "Facebook is limiting requests",
                        e.getMessage() + ". Nothing was connected; try again in a few minutes.");
            }
            throw Refusal.upstreamFailed("facebook-failed", e.getMessage() + ". Nothing was connected; start again.", null);
        }
    }

    private AccessToken exchange(String code) {
        try {
            return graph.exchangeCode(code);
        } catch (GraphException e) {
            throw Refusal.upstreamFailed("token-exchange-failed", e.getMessage() + ". Start the connection again.", null);
        }
    }

    private static Refusal partialGrant(List<String> declined) {
        String names = String.join(", ", declined);
        String why = declined.contains("pages_show_list")
                ? "without pages_show_list Facebook lists no Pages, so none could be connected"
                : "the bot needs every one of them to read and answer for the Pages";
        return Refusal.notAllowed("missing-permission", "Facebook did not grant the permission(s) " + names
                + ": " + why + ". Nothing was connected; connect again and keep every permission allowed.");
    }

    /** Facebook's redirect after a cancel: a clear answer, and the state is spent if it is this session's. */
    private Refusal denied(Map<String, String> query, String sessionId, StateNonces nonces) {
        try {
            nonces.consume(states.verify(query.get("state"), PURPOSE, sessionId).nonce());
        } catch (InvalidState ignored) {
            // nothing to spend: the answer is the same refusal either way
        }
        if ("access_denied".equals(query.get("error"))) {
            return Refusal.notAllowed("permissions-denied", "Facebook Login was cancelled: the permissions were denied, "
                    + "so no Page was connected. Connect again and allow the app to manage your Pages.");
        }
        return Refusal.badInput("facebook-login-failed", "Facebook Login did not complete (error "
                + query.get("error").replaceAll("[^A-Za-z0-9_]", "") + "); no Page was connected.");
    }

    private static UUID merchant(String sessionId, Optional<UUID> sessionMerchant) {
        if (sessionId != null && sessionMerchant.isPresent()) {
            return sessionMerchant.get();
        }
        throw Refusal.conflict("no-merchant-session", "Connect your store first",
                "Connect your Shopify store first, in this browser: Facebook Pages are linked to the store's merchant, "
                        + "and this browser session has none (it may have expired).");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

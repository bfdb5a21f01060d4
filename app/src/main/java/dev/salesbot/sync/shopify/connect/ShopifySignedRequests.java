package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.ShopifyQuerySignature;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one check of the requests Shopify sends a browser to with a signed query: the OAuth
 * callback, and the App URL's launch from the Shopify admin (and the installation request, which
 * is the same request for a store that has not installed the app). Shopify signs both the same
 * way: the hex HMAC-SHA256, under the app's secret, of every other parameter — {@code host} and
 * whatever else it adds included — sorted by key
 * (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant,
 * "Step 1: Verify the installation request"; {@code host} joined the signed parameters in 2021:
 * https://shopify.dev/changelog/host-parameter-added-to-the-oauth-redirect-uri).
 *
 * <p>In an order that spends nothing on a bad request: the parameters are there, the shop matches
 * the anchored pattern, the {@code hmac} matches the parameters as received (constant time), the
 * timestamp is within {@link #TIMESTAMP_WINDOW} of the server's clock either way.
 */
@ApplicationScoped
public class ShopifySignedRequests {

    /** Shopify signs at the moment it sends the browser on; five minutes either way absorbs clock skew. */
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);

    /** Which signed request: what it must carry, and its name in a refusal's words. */
    public enum Kind {
        /** Shopify's redirect back after the grant ({@code /shopify/callback}). */
        CALLBACK("callback", List.of("code", "shop", "state", "hmac", "timestamp")),
        /** The App URL ({@code /}) opened from the Shopify admin. */
        LAUNCH("launch", List.of("shop", "hmac", "timestamp"));

        private final String noun;
        private final List<String> required;

        Kind(String noun, List<String> required) {
            this.noun = noun;
            this.required = required;
        }
    }

    @Inject
    ShopifyApp app;

    Clock clock = Clock.systemUTC();

    /**
     * @param query the request's query parameters, each given once, decoded, nothing normalised
     * @return the shop that Shopify signed for
     * @throws Refusal for a missing parameter, a shop that is not one, a wrong {@code hmac} or a stale timestamp
     */
    public ShopDomain verify(Map<String, String> query, Kind kind) {
        List<String> missing = kind.required.stream().filter(p -> blank(query.get(p))).toList();
        if (!missing.isEmpty()) {
            throw Refusal.badInput("missing-parameter",
                    "The Shopify " + kind.noun + " is missing the parameter(s): " + String.join(", ", missing) + ".");
        }
        ShopDomain shop = ShopDomain.parse(query.get("shop"));
        if (!ShopifyQuerySignature.verify(app.apiSecret(), query)) {
            throw Refusal.notAllowed("invalid-signature", "The " + kind.noun
                    + "'s hmac does not match its parameters; it was not sent by Shopify for this app.");
        }
        checkTimestamp(query.get("timestamp"), kind);
        return shop;
    }

    private void checkTimestamp(String timestamp, Kind kind) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw Refusal.badInput("invalid-timestamp", "The " + kind.noun + "'s timestamp is not a number of seconds.");
        }
        // In doubles: any long is a timestamp to refuse, never an overflow or a date out of range.
        double away = Math.abs((double) seconds - clock.instant().getEpochSecond());
        if (away > TIMESTAMP_WINDOW.toSeconds()) {
            throw Refusal.notAllowed("stale-request", "The " + kind.noun + "'s timestamp is " + (long) away
                    + " s away from the server's clock; more than " + TIMESTAMP_WINDOW.toSeconds() + " s is refused.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

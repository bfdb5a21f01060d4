package dev.salesbot.sync.shopify.oauth;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.SealedTokens;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.security.control.TokenCipher;
import dev.salesbot.sync.security.control.UnreadableToken;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals tokens for storage and opens them for use, refreshing an expiring token a few minutes
 * before it lapses.
 *
 * <p>Shopify rotates the refresh token on every use. Its answer is stored (access and refresh
 * token together, in one update) before the new access token is used; until then the old pair
 * stays stored. That is safe because Shopify keeps a used refresh token valid until the app uses
 * its replacement (at most 30 days, within its 90-day life:
 * https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens): if
 * the answer is lost or cannot be stored, the next attempt refreshes with the old token again and
 * gets a new pair. Refreshes of one shop are serialised: per JVM by a monitor, across servers by
 * a lock on the store's row.
 *
 * <p>What only the merchant can fix ends as {@link ShopifyReconnectRequired}: an expired token
 * with no refresh token, a refresh token past {@code REFRESH_TOKEN_EXPIRES_AT} or refused by
 * Shopify (4xx), a stored token that no longer opens with {@code TOKEN_ENCRYPTION_KEY}. A token
 * endpoint that is down or unreachable is a {@link ShopifyUnavailableException}: retried later.
 */
@ApplicationScoped
public class ShopifyTokens {

    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
    private static final System.Logger LOGGER = System.getLogger(ShopifyTokens.class.getName());

    @Inject
    StoreConnections connections;

    @Inject
    TokenCipher cipher;

    @Inject
    ShopifyOAuth oauth;

    Clock clock = Clock.systemUTC();

    private final Map<String, Object> refreshLocks = new ConcurrentHashMap<>();

    /**
     * A usable access token for {@code shop}, refreshed (and stored) first when it is about to
     * expire. The refresh runs with the store's row locked ({@link StoreConnections#withShopLocked}), so
     * that of several servers sharing the database only one refreshes (Shopify rotates the refresh
     * token: two refreshing at once would leave one of them with a used token); the others wait
     * for the lock and find the fresh pair.
     */
    public String accessToken(ShopDomain shop) {
        synchronized (refreshLocks.computeIfAbsent(shop.value(), k -> new Object())) {
            ShopifyConnection connection = usable(shop, connections.findShop(shop.value()));
            SealedTokens sealed = connection.sealedTokens();
            if (!dueForRefresh(sealed)) {
                return open(sealed.accessToken(), shop, "access");
            }
            return connections.withShopLocked(shop.value(), locked -> refreshLocked(shop, usable(shop, Optional.of(locked))))
                    .orElseThrow(() -> new ShopifyReconnectRequired(shop + " is not connected; connect the store."));
        }
    }

    /**
     * Whether {@link #accessToken} would give a token for this connection without the merchant, as far
     * as the stored row tells (Shopify is not asked): the connection is active and holds an access
     * token that is not about to expire, or a refresh token that has not. A value no configured key
     * opens still counts: that is the operator's key to fix, never a reason to send the merchant
     * through the install again.
     */
    public boolean usable(ShopifyConnection connection) {
        SealedTokens sealed = connection.sealedTokens();
        if (!connection.active() || sealed.accessToken() == null) {
            return false;
        }
        return !dueForRefresh(sealed) || sealed.refreshToken() != null && (sealed.refreshTokenExpiresAt() == null
                || clock.instant().isBefore(sealed.refreshTokenExpiresAt().toInstant()));
    }

    private static ShopifyConnection usable(ShopDomain shop, Optional<ShopifyConnection> found) {
        ShopifyConnection connection = found
                .orElseThrow(() -> new ShopifyReconnectRequired(shop + " is not connected; connect the store."));
        if (!connection.active()) {
            throw new ShopifyReconnectRequired("The store " + shop + " needs to be connected again: " + connection.statusReason());
        }
        return connection;
    }

    /** With the row locked: the pair as stored now (another server may just have refreshed it), refreshed if still due. */
    private String refreshLocked(ShopDomain shop, ShopifyConnection locked) {
        SealedTokens sealed = locked.sealedTokens();
        if (!dueForRefresh(sealed)) {
            return open(sealed.accessToken(), shop, "access");
        }
        if (sealed.refreshToken() == null) {
            throw new ShopifyReconnectRequired("The access token of " + shop
                    + " expired and Shopify gave no refresh token; connect the store again.");
        }
        if (sealed.refreshTokenExpiresAt() != null && !clock.instant().isBefore(sealed.refreshTokenExpiresAt().toInstant())) {
            throw new ShopifyReconnectRequired("The refresh token of " + shop + " expired on "
                    + sealed.refreshTokenExpiresAt().toLocalDate() + "; connect the store again.");
        }
        OfflineToken renewed = refresh(shop, open(sealed.refreshToken(), shop, "refresh"));
        // Durable before use (committed with the lock's transaction): should that fail, the old
        // pair is still stored and still accepted by Shopify.
        locked.seal(seal(shop, renewed), OffsetDateTime.now(ZoneOffset.UTC));
        LOGGER.log(System.Logger.Level.INFO, "Refreshed the access token of {0}", shop);
        return renewed.accessToken();
    }

    /** The ciphertexts and expiry times of a freshly granted or refreshed token, for storage. */
    public SealedTokens seal(ShopDomain shop, OfflineToken token) {
        return new SealedTokens(
                cipher.encrypt(token.accessToken(), context(shop, "access")), utc(token.expiresAt()),
                token.refreshToken() == null ? null : cipher.encrypt(token.refreshToken(), context(shop, "refresh")),
                utc(token.refreshTokenExpiresAt()), token.scope());
    }

    private OfflineToken refresh(ShopDomain shop, String refreshToken) {
        try {
            return oauth.refresh(shop, refreshToken);
        } catch (ShopifyOAuth.TokenEndpointFailed e) {
            if (e.status() >= 400 && e.status() < 500) {
                throw new ShopifyReconnectRequired("Shopify refused to refresh the access token of " + shop
                        + " (HTTP " + e.status() + "): the app was uninstalled or its access revoked; connect the store again.", e);
            }
            throw new ShopifyUnavailableException(e.getMessage(), e);
        }
    }

    private String open(String sealed, ShopDomain shop, String kind) {
        try {
            return cipher.decrypt(sealed, context(shop, kind));
        } catch (UnreadableToken e) {
            // The operator's to fix (the key), never the merchant's: the sync is retried until the right key is configured.
            LOGGER.log(System.Logger.Level.WARNING, "The stored {0} token of {1} does not open: {2}", kind, shop, e.getMessage());
            throw e;
        }
    }

    private boolean dueForRefresh(SealedTokens sealed) {
        return sealed.accessTokenExpiresAt() != null
                && !clock.instant().plus(REFRESH_AHEAD).isBefore(sealed.accessTokenExpiresAt().toInstant());
    }

    private static String context(ShopDomain shop, String kind) {
        return ShopifyConnection.sealContext(shop.value(), kind);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

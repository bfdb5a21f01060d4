package dev.salesbot.sync.shopify.control;

import dev.salesbot.sync.merchants.control.Connections;
import dev.salesbot.sync.merchants.entity.SealedTokens;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.security.control.TokenCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals tokens for storage and opens them for use, refreshing an expiring token a few minutes
 * before it lapses. Shopify rotates the refresh token on every use, so refreshes of one shop are
 * serialised (per JVM; a cluster would need a database lock, see package-info).
 */
@ApplicationScoped
public class ShopifyTokens {

    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
    private static final System.Logger LOGGER = System.getLogger(ShopifyTokens.class.getName());

    @Inject
    Connections connections;

    @Inject
    TokenCipher cipher;

    @Inject
    ShopifyOAuth oauth;

    Clock clock = Clock.systemUTC();

    private final Map<String, Object> refreshLocks = new ConcurrentHashMap<>();

    /** Stores the connection for a freshly granted token and answers its merchant UUID. */
    public UUID store(ShopDomain shop, Optional<UUID> sessionMerchant, OfflineToken token) {
        return connections.connectShop(shop.value(), sessionMerchant, seal(shop, token));
    }

    /** A usable access token for {@code shop}, refreshed first when it is about to expire. */
    public String accessToken(ShopDomain shop) {
        synchronized (refreshLocks.computeIfAbsent(shop.value(), k -> new Object())) {
            ShopifyConnection connection = connections.findShop(shop.value())
                    .orElseThrow(() -> new IllegalStateException(shop + " is not connected"));
            SealedTokens sealed = connection.sealedTokens();
            if (!dueForRefresh(sealed)) {
                return cipher.decrypt(sealed.accessToken(), context(shop, "access"));
            }
            if (sealed.refreshToken() == null) {
                throw new IllegalStateException("the access token of " + shop + " expired and there is no refresh token; reconnect the store");
            }
            OfflineToken renewed = oauth.refresh(shop, cipher.decrypt(sealed.refreshToken(), context(shop, "refresh")));
            connections.reseal(shop.value(), seal(shop, renewed));
            LOGGER.log(System.Logger.Level.INFO, "Refreshed the access token of {0}", shop);
            return renewed.accessToken();
        }
    }

    private boolean dueForRefresh(SealedTokens sealed) {
        return sealed.accessTokenExpiresAt() != null
                && !clock.instant().plus(REFRESH_AHEAD).isBefore(sealed.accessTokenExpiresAt().toInstant());
    }

    private SealedTokens seal(ShopDomain shop, OfflineToken token) {
        return new SealedTokens(
                cipher.encrypt(token.accessToken(), context(shop, "access")), utc(token.expiresAt()),
                token.refreshToken() == null ? null : cipher.encrypt(token.refreshToken(), context(shop, "refresh")),
                utc(token.refreshTokenExpiresAt()), token.scope());
    }

    private static String context(ShopDomain shop, String kind) {
        return "shopify:" + shop.value() + ":" + kind;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

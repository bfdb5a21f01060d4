package dev.salesbot.sync.shopify.oauth;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.SealedTokens;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.security.control.TokenCipher;
import dev.salesbot.sync.security.control.UnreadableToken;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyTokensTest {

    static final ShopDomain SHOP = ShopDomain.parse("acme-outdoor");
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final String KEY = "K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=";

    final StoredConnections connections = new StoredConnections();
    final ShopifyLikeOAuth shopify = new ShopifyLikeOAuth();
    final ShopifyTokens tokens = new ShopifyTokens();

    @BeforeEach
    void wire() {
        tokens.connections = connections;
        tokens.cipher = new TokenCipher(Optional.of(KEY));
        tokens.oauth = shopify;
        tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void opensAnAccessTokenThatIsNotAboutToExpire() {
        install(token("shpat_first", NOW.plus(Duration.ofMinutes(30)), "shprt_first"));
        assertThat(tokens.accessToken(SHOP)).isEqualTo("shpat_first");
        assertThat(shopify.refreshedWith).isEmpty();
    }

    @Test
    void refreshesATokenThatExpiresWithinFiveMinutesAndStoresTheRotatedPairBeforeUsingIt() {
        install(token("shpat_first", NOW.plus(Duration.ofMinutes(4)), "shprt_first"));

        String used = tokens.accessToken(SHOP);

        assertThat(shopify.refreshedWith).containsExactly("shprt_first");
        assertThat(used).isEqualTo(shopify.lastAccessToken);
        SealedTokens stored = connections.connection.sealedTokens();
        assertThat(stored.accessToken()).doesNotContain("shpat_");
        assertThat(stored.refreshToken()).doesNotContain("shprt_");
        assertThat(open(stored.refreshToken(), "refresh")).isEqualTo(shopify.lastRefreshToken);
        assertThat(tokens.accessToken(SHOP)).as("the new token is used from now on").isEqualTo(used);
        assertThat(shopify.refreshedWith).hasSize(1);
    }

    @Test
    void aPairAnotherServerRefreshedWhileThisOneWaitedForTheLockIsUsedNotRefreshedAgain() {
        install(token("shpat_first", NOW.plus(Duration.ofMinutes(1)), "shprt_first"));
        connections.beforeLock = () -> connections.connection.seal(
                tokens.seal(SHOP, token("shpat_other_server", NOW.plus(Duration.ofHours(24)), "shprt_other_server")),
                NOW.atOffset(ZoneOffset.UTC));

        assertThat(tokens.accessToken(SHOP)).isEqualTo("shpat_other_server");

        assertThat(shopify.refreshedWith).as("Shopify rotates refresh tokens: a second refresh would waste one").isEmpty();
        assertThat(connections.locks).isEqualTo(1);
    }

    @Test
    void anUnexpiringTokenTakesNoLock() {
        install(token("shpat_first", NOW.plus(Duration.ofMinutes(30)), "shprt_first"));

        tokens.accessToken(SHOP);

        assertThat(connections.locks).isZero();
    }

    @Test
    void aRefreshThatCannotBeStoredLeavesTheOldPairWhichShopifyStillAccepts() {
        install(token("shpat_first", NOW.plus(Duration.ofMinutes(1)), "shprt_first"));
        connections.failNextReseals = 1;

        assertThatThrownBy(() -> tokens.accessToken(SHOP)).hasMessageContaining("database");
        assertThat(open(connections.connection.sealedTokens().refreshToken(), "refresh")).isEqualTo("shprt_first");

        String used = tokens.accessToken(SHOP);

        assertThat(shopify.refreshedWith).containsExactly("shprt_first", "shprt_first");
        assertThat(used).isEqualTo(shopify.lastAccessToken);
        assertThat(open(connections.connection.sealedTokens().refreshToken(), "refresh")).isEqualTo(shopify.lastRefreshToken);
        assertThat(shopify.usable(shopify.lastRefreshToken)).isTrue();
    }

    @Test
    void aLostRefreshAnswerIsRecoveredWithTheOldRefreshToken() {
        install(token("shpat_first", NOW.plus(Duration.ofMinutes(1)), "shprt_first"));
        shopify.loseNextAnswers = 1;

        assertThatThrownBy(() -> tokens.accessToken(SHOP)).isInstanceOf(ShopifyUnavailableException.class);
        String used = tokens.accessToken(SHOP);

        assertThat(shopify.refreshedWith).containsExactly("shprt_first", "shprt_first");
        assertThat(used).isEqualTo(shopify.lastAccessToken);
    }

    @Test
    void asksForAReconnectWhenAnExpiredTokenHasNoRefreshToken() {
        install(token("shpat_first", NOW.minusSeconds(1), null));
        assertThatThrownBy(() -> tokens.accessToken(SHOP)).isInstanceOf(ShopifyReconnectRequired.class)
                .hasMessageContaining("connect the store again").hasMessageNotContaining("shpat_");
    }

    @Test
    void asksForAReconnectWhenTheRefreshTokenExpiredWithoutAskingShopify() {
        install(new OfflineToken("shpat_first", "read_products", NOW.minusSeconds(1), "shprt_first", NOW.minusSeconds(60)));
        assertThatThrownBy(() -> tokens.accessToken(SHOP)).isInstanceOf(ShopifyReconnectRequired.class)
                .hasMessageContaining("refresh token").hasMessageContaining("expired");
        assertThat(shopify.refreshedWith).isEmpty();
    }

    @Test
    void asksForAReconnectWhenShopifyRefusesTheRefreshToken() {
        install(token("shpat_first", NOW.plus(Duration.ofMinutes(1)), "shprt_revoked"));
        shopify.revoked.add("shprt_revoked");
        assertThatThrownBy(() -> tokens.accessToken(SHOP)).isInstanceOf(ShopifyReconnectRequired.class)
                .hasMessageContaining("HTTP 400").hasMessageNotContaining("shprt_");
    }

    /** Issue 22: a key that opens nothing is the operator's to fix; the merchant is not asked to reconnect. */
    @Test
    void aStoredTokenNoConfiguredKeyOpensIsTheOperatorsKeyNotAReconnect() {
        install(token("shpat_first", NOW.plus(Duration.ofMinutes(30)), "shprt_first"));
        tokens.cipher = new TokenCipher(Optional.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        assertThatThrownBy(() -> tokens.accessToken(SHOP)).isInstanceOf(UnreadableToken.class)
                .isNotInstanceOf(ShopifyReconnectRequired.class)
                .hasMessageStartingWith("stored token unreadable: check TOKEN_ENCRYPTION_KEY").hasMessageNotContaining("shpat_");
    }

    @Test
    void refusesAConnectionThatNeedsTheMerchant() {
        install(token("shpat_first", NOW.plus(Duration.ofMinutes(30)), "shprt_first"));
        connections.connection.needsReconnect("Shopify refused the token", NOW.atOffset(ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.accessToken(SHOP)).isInstanceOf(ShopifyReconnectRequired.class)
                .hasMessageContaining("Shopify refused the token");
    }

    @Test
    void keepsANonExpiringTokenAsItIs() {
        install(token("shpat_forever", null, null));
        assertThat(tokens.accessToken(SHOP)).isEqualTo("shpat_forever");
        assertThat(shopify.refreshedWith).isEmpty();
    }

    private void install(OfflineToken token) {
        connections.connectShop(SHOP.value(), tokens.seal(SHOP, token));
        shopify.valid.add(token.refreshToken());
    }

    private String open(String sealed, String kind) {
        return tokens.cipher.decrypt(sealed, "shopify:" + SHOP.value() + ":" + kind);
    }

    private static OfflineToken token(String access, Instant expiresAt, String refresh) {
        return new OfflineToken(access, "read_products", expiresAt, refresh, refresh == null ? null : NOW.plus(Duration.ofDays(90)));
    }

    /** One stored connection in memory instead of JPA; can fail the next re-seals as a database would. */
    static final class StoredConnections extends StoreConnections {
        ShopifyConnection connection;
        int failNextReseals;
        int locks;
        /** What another server did while this one waited for the row lock. */
        Runnable beforeLock;

        @Override
        public UUID connectShop(String shop, SealedTokens tokens) {
            connection = new ShopifyConnection(shop, UUID.randomUUID(), NOW.atOffset(ZoneOffset.UTC));
            connection.connect(tokens, NOW.atOffset(ZoneOffset.UTC));
            return connection.merchantId();
        }

        @Override
        public void reseal(String shop, SealedTokens tokens) {
            if (failNextReseals > 0) {
                failNextReseals--;
                throw new IllegalStateException("the database refused the update");
            }
            connection.seal(tokens, NOW.atOffset(ZoneOffset.UTC));
        }

        @Override
        public Optional<ShopifyConnection> findShop(String shop) {
            return Optional.ofNullable(connection).filter(c -> c.shop().equals(shop));
        }

        /** As the database does: the work's changes stay only if the commit succeeds; a failed commit rolls them back. */
        @Override
        public <T> Optional<T> withShopLocked(String shop, java.util.function.Function<ShopifyConnection, T> work) {
            Optional<ShopifyConnection> found = findShop(shop);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            locks++;
            if (beforeLock != null) {
                beforeLock.run();
            }
            SealedTokens before = connection.sealedTokens();
            T result = work.apply(connection);
            if (failNextReseals > 0) {
                failNextReseals--;
                connection.seal(before, NOW.atOffset(ZoneOffset.UTC));
                throw new IllegalStateException("the database refused the update");
            }
            return Optional.of(result);
        }
    }

    /**
     * Shopify's token endpoint, refreshing as it does since August 2026: every refresh answers a new
     * pair; a used refresh token stays usable until one of its replacements is used, which retires it.
     */
    static final class ShopifyLikeOAuth extends ShopifyOAuth {
        final List<String> refreshedWith = new ArrayList<>();
        final Set<String> valid = new HashSet<>();
        final Set<String> revoked = new HashSet<>();
        final Map<String, String> replaced = new HashMap<>();
        int loseNextAnswers;
        int issued;
        String lastAccessToken;
        String lastRefreshToken;

        @Override
        public OfflineToken refresh(ShopDomain shop, String refreshToken) {
            refreshedWith.add(refreshToken);
            if (!usable(refreshToken)) {
                throw new TokenEndpointFailed(400, "Shopify refused to refresh the access token for " + shop + " (HTTP 400)");
            }
            issued++;
            String access = "shpat_renewed" + issued;
            String refresh = "shprt_renewed" + issued;
            valid.add(refresh);
            replaced.put(refresh, refreshToken);
            Optional.ofNullable(replaced.get(refreshToken)).ifPresent(valid::remove);
            if (loseNextAnswers > 0) {
                loseNextAnswers--;
                throw new TokenEndpointFailed(0, "Shopify's token endpoint for " + shop + " could not be reached");
            }
            lastAccessToken = access;
            lastRefreshToken = refresh;
            return new OfflineToken(access, "read_products", NOW.plus(Duration.ofHours(1)), refresh, NOW.plus(Duration.ofDays(90)));
        }

        boolean usable(String refreshToken) {
            return valid.contains(refreshToken) && !revoked.contains(refreshToken);
        }
    }
}

package dev.salesbot.sync.shopify.control;

import dev.salesbot.sync.merchants.control.Connections;
import dev.salesbot.sync.merchants.entity.SealedTokens;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.security.control.TokenCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyTokensTest {

    static final ShopDomain SHOP = ShopDomain.parse("acme-outdoor");
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    final StoredConnections connections = new StoredConnections();
    final RecordingOAuth oauth = new RecordingOAuth();
    final ShopifyTokens tokens = new ShopifyTokens();

    @BeforeEach
    void wire() {
        tokens.connections = connections;
        tokens.cipher = new TokenCipher(Optional.of("K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols="));
        tokens.oauth = oauth;
        tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void opensAnAccessTokenThatIsNotAboutToExpire() {
        tokens.store(SHOP, Optional.empty(), token("shpat_first", NOW.plus(Duration.ofMinutes(30)), "shprt_first"));
        assertThat(tokens.accessToken(SHOP)).isEqualTo("shpat_first");
        assertThat(oauth.refreshedWith).isEmpty();
    }

    @Test
    void refreshesATokenThatExpiresWithinFiveMinutesAndStoresTheRotatedPair() {
        tokens.store(SHOP, Optional.empty(), token("shpat_first", NOW.plus(Duration.ofMinutes(4)), "shprt_first"));
        oauth.next = token("shpat_second", NOW.plus(Duration.ofHours(1)), "shprt_second");

        assertThat(tokens.accessToken(SHOP)).isEqualTo("shpat_second");

        assertThat(oauth.refreshedWith).containsExactly("shprt_first");
        SealedTokens stored = connections.connection.sealedTokens();
        assertThat(stored.accessToken()).doesNotContain("shpat_");
        assertThat(stored.refreshToken()).doesNotContain("shprt_");
        assertThat(tokens.accessToken(SHOP)).as("the new token is used from now on").isEqualTo("shpat_second");
        assertThat(oauth.refreshedWith).hasSize(1);
    }

    @Test
    void asksForAReconnectWhenAnExpiredTokenCannotBeRefreshed() {
        tokens.store(SHOP, Optional.empty(), token("shpat_first", NOW.minusSeconds(1), null));
        assertThatThrownBy(() -> tokens.accessToken(SHOP)).hasMessageContaining("reconnect").hasMessageNotContaining("shpat_");
    }

    @Test
    void keepsANonExpiringTokenAsItIs() {
        tokens.store(SHOP, Optional.empty(), token("shpat_forever", null, null));
        assertThat(tokens.accessToken(SHOP)).isEqualTo("shpat_forever");
        assertThat(oauth.refreshedWith).isEmpty();
    }

    private static OfflineToken token(String access, Instant expiresAt, String refresh) {
        return new OfflineToken(access, "read_products", expiresAt, refresh, refresh == null ? null : NOW.plus(Duration.ofDays(90)));
    }

    /** One stored connection in memory instead of JPA. */
    static final class StoredConnections extends Connections {
        ShopifyConnection connection;

        @Override
        public UUID connectShop(String shop, Optional<UUID> sessionMerchant, SealedTokens tokens) {
            connection = new ShopifyConnection(shop, sessionMerchant.orElseGet(UUID::randomUUID), NOW.atOffset(ZoneOffset.UTC));
            connection.seal(tokens, NOW.atOffset(ZoneOffset.UTC));
            return connection.merchantId();
        }

        @Override
        public void reseal(String shop, SealedTokens tokens) {
            connection.seal(tokens, NOW.atOffset(ZoneOffset.UTC));
        }

        @Override
        public Optional<ShopifyConnection> findShop(String shop) {
            return Optional.ofNullable(connection).filter(c -> c.shop().equals(shop));
        }
    }

    /** Shopify's token endpoint, answering {@link #next} to a refresh. */
    static final class RecordingOAuth extends ShopifyOAuth {
        final List<String> refreshedWith = new ArrayList<>();
        OfflineToken next;

        @Override
        public OfflineToken refresh(ShopDomain shop, String refreshToken) {
            refreshedWith.add(refreshToken);
            return next;
        }
    }
}

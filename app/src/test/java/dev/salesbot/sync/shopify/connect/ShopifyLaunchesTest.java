package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.SealedTokens;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.shopify.connect.ShopifyLaunches.Action;
import dev.salesbot.sync.shopify.connect.ShopifyLaunches.Launch;
import dev.salesbot.sync.shopify.oauth.ShopifyTokens;
import dev.salesbot.sync.testing.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.salesbot.sync.shopify.connect.ShopifySignedRequestsTest.SECRET;
import static dev.salesbot.sync.shopify.connect.ShopifySignedRequestsTest.launch;
import static dev.salesbot.sync.shopify.connect.ShopifySignedRequestsTest.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a launch from the Shopify admin takes the merchant: their store's page, or the install. */
class ShopifyLaunchesTest {

    static final String SHOP = "harbour-candles.myshopify.com";
    /** The token expiry times are measured against the real clock (ShopifyTokens'); hours apart from it. */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final OffsetDateTime CONNECTED = NOW.minus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC);

    final RecordedStores stores = new RecordedStores();
    final ShopifyLaunches launches = new ShopifyLaunches();

    /** Each launch a new second, as Shopify signs one each time the app is opened: a launch is used once. */
    private int opened;

    @BeforeEach
    void wire() throws Exception {
        launches.signed = requests(SECRET, NOW);
        launches.used = new UsedLaunches(MigratedH2.fresh());
        launches.connections = stores;
        launches.tokens = new ShopifyTokens();
    }

    @Test
    void opensAnInstalledStoreWithAUsableTokenForItsMerchant() {
        ShopifyConnection store = stores.connect(SHOP, tokens(hoursFromNow(23), "v2:refresh", hoursFromNow(24 * 89)));

        Launch launch = launches.decide(opened(SHOP));

        assertThat(launch.action()).isEqualTo(Action.OPEN);
        assertThat(launch.merchant()).isEqualTo(store.merchantId());
        assertThat(launch.shop().value()).isEqualTo(SHOP);
    }

    @Test
    void opensAStoreWhoseAccessTokenLapsedWhileItsRefreshTokenHoldsOrThatNeverExpires() {
        stores.connect(SHOP, tokens(hoursFromNow(-2), "v2:refresh", hoursFromNow(24 * 30)));
        assertThat(launches.decide(opened(SHOP)).action()).isEqualTo(Action.OPEN);

        stores.connect(SHOP, tokens(null, null, null)); // a non-expiring offline token, as release 0.1.0 stored them
        assertThat(launches.decide(opened(SHOP)).action()).isEqualTo(Action.OPEN);
    }

    @Test
    void installsAStoreNeverSeenBefore() {
        Launch launch = launches.decide(opened("new-in-town.myshopify.com"));

        assertThat(launch.action()).isEqualTo(Action.INSTALL);
        assertThat(launch.merchant()).isNull();
        assertThat(launch.shop().value()).isEqualTo("new-in-town.myshopify.com");
    }

    @Test
    void installsAStoreThatNeedsAReconnectWasUninstalledOrDisconnected() {
        ShopifyConnection store = stores.connect(SHOP, tokens(hoursFromNow(23), "v2:refresh", hoursFromNow(24 * 89)));
        store.needsReconnect("Shopify refused the stored token (HTTP 401).", CONNECTED);
        assertThat(launches.decide(opened(SHOP))).extracting(Launch::action, Launch::why)
                .containsExactly(Action.INSTALL, "it needs a reconnect");

        store.uninstall(CONNECTED);
        assertThat(launches.decide(opened(SHOP))).extracting(Launch::action, Launch::why)
                .containsExactly(Action.INSTALL, "the app was uninstalled");

        stores.connect(SHOP, tokens(hoursFromNow(23), "v2:refresh", hoursFromNow(24 * 89))).disconnect("the merchant", CONNECTED);
        assertThat(launches.decide(opened(SHOP))).extracting(Launch::action, Launch::why)
                .containsExactly(Action.INSTALL, "it was disconnected");
    }

    @Test
    void installsAnActiveStoreWhoseTokenCannotBeUsedAnyMore() {
        stores.connect(SHOP, tokens(hoursFromNow(-1), null, null));
        assertThat(launches.decide(opened(SHOP)).action()).as("expired, nothing to refresh it with").isEqualTo(Action.INSTALL);

        stores.connect(SHOP, tokens(hoursFromNow(-1), "v2:refresh", hoursFromNow(-1)));
        assertThat(launches.decide(opened(SHOP)).action()).as("its refresh token expired too").isEqualTo(Action.INSTALL);
    }

    @Test
    void refusesAForgedStaleOrMalformedLaunchBeforeLookingAnyStoreUp() {
        stores.connect(SHOP, tokens(hoursFromNow(23), "v2:refresh", hoursFromNow(24 * 89)));
        stores.lookups = 0;

        Map<String, String> forged = new HashMap<>(launch(SHOP, NOW));
        forged.put("hmac", ShopifySignedRequestsTest.signed("not-the-app-secret", Map.of("host", forged.get("host"), "shop", SHOP,
                "timestamp", forged.get("timestamp"))).get("hmac"));
        Map<String, String> noHmac = new HashMap<>(launch(SHOP, NOW));
        noHmac.remove("hmac");

        assertThatThrownBy(() -> launches.decide(forged)).isInstanceOf(Refusal.class).hasMessageContaining("hmac does not match");
        assertThatThrownBy(() -> launches.decide(noHmac)).isInstanceOf(Refusal.class).hasMessageContaining("hmac");
        assertThatThrownBy(() -> launches.decide(launch(SHOP, NOW.minus(Duration.ofHours(1))))).isInstanceOf(Refusal.class)
                .hasMessageContaining("timestamp");
        assertThatThrownBy(() -> launches.decide(launch("evil.com", NOW))).isInstanceOf(Refusal.class)
                .hasMessageContaining("not a Shopify shop");
        assertThat(stores.lookups).isZero();
    }

    @Test
    void refusesASecondUseOfTheSameLaunch() {
        ShopifyConnection store = stores.connect(SHOP, tokens(hoursFromNow(23), "v2:refresh", hoursFromNow(24 * 89)));
        Map<String, String> launch = opened(SHOP);
        assertThat(launches.decide(launch).merchant()).isEqualTo(store.merchantId());

        assertThatThrownBy(() -> launches.decide(launch)).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(e.slug()).isEqualTo("replayed-launch")).hasMessageContaining("used before");
        assertThat(launches.decide(opened(SHOP)).action()).as("the next launch Shopify signs").isEqualTo(Action.OPEN);
    }

    private Map<String, String> opened(String shop) {
        return launch(shop, NOW.minusSeconds(++opened));
    }

    private static SealedTokens tokens(OffsetDateTime accessExpires, String refresh, OffsetDateTime refreshExpires) {
        return new SealedTokens("v2:access", accessExpires, refresh, refreshExpires, "read_products,read_discounts");
    }

    private static OffsetDateTime hoursFromNow(int hours) {
        return NOW.plus(Duration.ofHours(hours)).atOffset(ZoneOffset.UTC);
    }

    /** Stores in memory instead of JPA, counting the look-ups a launch makes. */
    static final class RecordedStores extends StoreConnections {
        final Map<String, ShopifyConnection> byShop = new HashMap<>();
        int lookups;

        ShopifyConnection connect(String shop, SealedTokens tokens) {
            ShopifyConnection connection = byShop.computeIfAbsent(shop, s -> new ShopifyConnection(s, UUID.randomUUID(), CONNECTED));
            connection.connect(tokens, CONNECTED);
            return connection;
        }

        @Override
        public Optional<ShopifyConnection> findShop(String shop) {
            lookups++;
            return Optional.ofNullable(byShop.get(shop));
        }
    }
}

package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.webhooks.control.TestDelivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook check a result page follows ({@link WebhookCheck#current}): pending until a sync
 * checked the subscriptions, then one test delivery per check however often the page reads it;
 * the connect answer's ({@link WebhookCheck#run}) delivers each time.
 */
class WebhookCheckTest {

    private static final ShopDomain SHOP = new ShopDomain("hooks-boutique.myshopify.com");
    private static final String ADDRESS = "https://bot.example.com/shopify/webhook";
    private static final OffsetDateTime FIRST_SYNC = OffsetDateTime.parse("2026-12-07T12:00:00Z");
    private static final String TOPICS = "app/uninstalled,products/update,shop/update";

    private final ShopifyConnection connection = new ShopifyConnection(SHOP.value(), UUID.randomUUID(), FIRST_SYNC);
    private final List<String> deliveries = new ArrayList<>();
    private WebhookCheck check;

    @BeforeEach
    void setUp() {
        check = new WebhookCheck() {
            @Override
            TestDelivery.Result deliver(ShopDomain shop, String address) {
                deliveries.add(shop + " → " + address);
                return new TestDelivery.Result("success", null);
            }
        };
        check.app = new ShopifyApp() {
            @Override
            public Optional<String> webhookAddress() {
                return Optional.of(ADDRESS);
            }
        };
        check.connections = new StoreConnections() {
            @Override
            public Optional<ShopifyConnection> findShop(String shop) {
                return Optional.of(connection).filter(c -> c.shop().equals(shop));
            }
        };
    }

    @Test
    void pendingUntilTheFirstSyncCheckedTheSubscriptions() {
        assertThat(check.current(SHOP).status()).isEqualTo("pending");
        assertThat(deliveries).isEmpty();
        connection.webhooksChecked(TOPICS, null, FIRST_SYNC.plusSeconds(2));
        assertThat(check.current(SHOP).status()).isEqualTo("success");
        assertThat(deliveries).containsExactly("hooks-boutique.myshopify.com → " + ADDRESS);
    }

    @Test
    void aPageReadingEveryFewSecondsCostsOneDeliveryPerCheck() {
        connection.webhooksChecked(TOPICS, null, FIRST_SYNC.plusSeconds(2));
        for (int read = 0; read < 20; read++) {
            assertThat(check.current(SHOP).status()).isEqualTo("success");
        }
        assertThat(deliveries).hasSize(1);
        connection.webhooksChecked(TOPICS, null, FIRST_SYNC.plusDays(1)); // the daily poll checks them again
        check.current(SHOP);
        check.current(SHOP);
        assertThat(deliveries).as("the new check tested once").hasSize(2);
    }

    @Test
    void theConnectAnswerDeliversEachTimeAndThePageReusesIt() {
        connection.webhooksChecked(TOPICS, null, FIRST_SYNC.plusSeconds(2));
        check.run(SHOP);
        check.run(SHOP);
        check.current(SHOP);
        assertThat(deliveries).hasSize(2);
    }

    @Test
    void subscriptionsThatCouldNotBeMadeFailWithoutADelivery() {
        String problem = "Not subscribed: products/update: Address for this topic has already been taken";
        connection.webhooksChecked("shop/update", problem, FIRST_SYNC.plusSeconds(2));
        assertThat(check.current(SHOP)).isEqualTo(TestDelivery.Result.failed(problem));
        assertThat(deliveries).isEmpty();
    }
}

package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sandbox.shopify.admin.InProcessShopify;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.GraphqlQuery;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.RetryPolicy;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.shopify.graphql.ShopifyApps;
import dev.salesbot.sync.shopify.graphql.ThrottlePacer;
import dev.salesbot.sync.shopify.sync.StoreChangesHandlerTest;
import dev.salesbot.sync.testing.FakeClock;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRegistrationsTest {

    static final String ADDRESS = "https://sync.example.com/shopify/webhook";

    final FakeClock clock = new FakeClock();
    final WebhookRegistrations registrations = new WebhookRegistrations();

    @Test
    void createsExactlyTheWantedSubscriptionsAndNothingOnTheNextCheck() {
        InProcessShopify store = store(ShopifyApp.DEFAULT_SCOPES);
        registrations.app = app(ADDRESS);

        WebhookRegistrations.State first = registrations.ensure(ShopDomain.parse(StoreChangesHandlerTest.STORE), graphql(store));
        WebhookRegistrations.State second = registrations.ensure(ShopDomain.parse(StoreChangesHandlerTest.STORE), graphql(store));

        assertThat(first.complete()).isTrue();
        assertThat(first.created()).isEqualTo(WebhookTopic.subscribed().size()).isEqualTo(15);
        assertThat(first.present()).containsExactlyInAnyOrderElementsOf(WebhookTopic.subscribed());
        assertThat(second.created()).isZero();
        assertThat(second.deleted()).isZero();
        assertThat(second.problem()).isNull();
    }

    @Test
    void movesSubscriptionsToANewAddressAndRemovesThoseNoLongerWanted() {
        InProcessShopify store = store(ShopifyApp.DEFAULT_SCOPES);
        registrations.app = app("https://old.example.com/shopify/webhook");
        registrations.ensure(ShopDomain.parse(StoreChangesHandlerTest.STORE), graphql(store));
        graphql(store).data(WebhookQueries.WEBHOOK_CREATE, Json.createObjectBuilder().add("topic", "ORDERS_CREATE")
                .add("uri", ADDRESS).build(), GraphqlQuery.MUTATION_COST);
        registrations.app = app(ADDRESS);

        WebhookRegistrations.State moved = registrations.ensure(ShopDomain.parse(StoreChangesHandlerTest.STORE), graphql(store));

        assertThat(moved.deleted()).as("15 at the old address, and the unwanted topic").isEqualTo(16);
        assertThat(moved.created()).isEqualTo(15);
        assertThat(moved.complete()).isTrue();
    }

    @Test
    void reportsATopicShopifyRefusesForAMissingScope() {
        InProcessShopify store = store("read_products,read_discounts");
        registrations.app = app(ADDRESS);

        WebhookRegistrations.State state = registrations.ensure(ShopDomain.parse(StoreChangesHandlerTest.STORE), graphql(store));

        assertThat(state.complete()).isFalse();
        assertThat(state.failed()).containsOnlyKeys(WebhookTopic.INVENTORY_LEVELS_UPDATE);
        assertThat(state.problem()).contains("inventory_levels/update", "missing access scope");
        assertThat(state.present()).hasSize(14);
    }

    @Test
    void registersNothingWithoutAnAddressAndSaysWhichSettingIsMissing() {
        InProcessShopify store = store(ShopifyApp.DEFAULT_SCOPES);
        registrations.app = app(null);

        WebhookRegistrations.State state = registrations.ensure(ShopDomain.parse(StoreChangesHandlerTest.STORE), graphql(store));

        assertThat(state.present()).isEmpty();
        assertThat(state.problem()).contains("SHOPIFY_WEBHOOK_ADDRESS");
        assertThat(store.exchanges()).isEmpty();
    }

    private InProcessShopify store(String scopes) {
        return new InProcessShopify(StoreChangesHandlerTest.STORE, 3, 1e9, 1e9, clock, scopes);
    }

    private PacedGraphql graphql(InProcessShopify store) {
        return new PacedGraphql(StoreChangesHandlerTest.STORE, store::post, new ThrottlePacer(clock, clock.sleeper()),
                RetryPolicy.standard(), clock.sleeper(), clock);
    }

    private static ShopifyApp app(String address) {
        return ShopifyApps.withWebhookAddress(address);
    }

}

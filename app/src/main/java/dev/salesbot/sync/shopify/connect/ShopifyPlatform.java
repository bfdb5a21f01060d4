package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.merchants.control.ConnectionPlatform;
import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.MerchantConnection;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.GraphqlSession;
import dev.salesbot.sync.shopify.graphql.GraphqlSessions;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.shopify.oauth.ShopifyTokens;
import dev.salesbot.sync.shopify.webhooks.WebhookRegistrations;
import dev.salesbot.sync.shopify.webhooks.WebhookTopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Stores, for the connection operations: their syncs, and their webhook subscriptions through the Admin API. */
@ApplicationScoped
public class ShopifyPlatform implements ConnectionPlatform {

    private static final Description DESCRIPTION = new Description("shopify", ShopifyConnection.class, SyncKind.SHOPIFY_FULL,
            SyncKind.SHOPIFY_REDACT, WebhookTopic.subscribed().stream().map(WebhookTopic::header).sorted().toList());

    @Inject
    WebhookRegistrations webhooks;

    @Inject
    ShopifyApp app;

    @Inject
    StoreConnections shops;

    @Inject
    GraphqlSessions sessions;

    @Inject
    ShopifyTokens tokens;

    @Override
    public Description description() {
        return DESCRIPTION;
    }

    @Override
    public ApiVersion apiVersion() {
        return new ApiVersion("SHOPIFY_API_VERSION", app.configuredApiVersion());
    }

    @Override
    public Registration registerWebhooks(MerchantConnection connection) {
        ShopDomain shop = new ShopDomain(connection.target());
        WebhookRegistrations.State state;
        try (GraphqlSession session = open(shop)) {
            state = webhooks.ensure(shop, session.graphql());
        }
        shops.recordWebhooks(shop.value(), state.topics(), state.problem());
        return new Registration(state.complete(), state.complete()
                ? "Subscribed to " + state.present().size() + " topic(s): " + state.created() + " created, " + state.deleted() + " removed."
                : state.problem());
    }

    @Override
    public String removeSubscriptions(MerchantConnection connection) {
        ShopDomain shop = new ShopDomain(connection.target());
        try (GraphqlSession session = open(shop)) {
            return webhooks.removeAll(shop, session.graphql()) + " Shopify webhook subscription(s) removed";
        }
    }

    private GraphqlSession open(ShopDomain shop) {
        return sessions.open(sessions.access(shop, tokens.accessToken(shop)));
    }
}

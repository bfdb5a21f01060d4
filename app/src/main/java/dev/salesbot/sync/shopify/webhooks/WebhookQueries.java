package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.shopify.graphql.GraphqlQuery;

/**
 * The queries of {@link WebhookRegistrations}, with their page size and requested cost (the rules
 * are {@code CatalogQueries}'; {@code CatalogQueriesTest} validates these with the catalog's).
 */
public final class WebhookQueries {

    /** Webhook subscriptions per page (an app has a few dozen at most). */
    public static final int WEBHOOKS_PAGE = 100;
    /** 2 + 100 × subscription 1. */
    public static final int WEBHOOKS_COST = 2 + WEBHOOKS_PAGE;

    public static final GraphqlQuery WEBHOOKS = new GraphqlQuery("ExistingWebhooks", """
            query ExistingWebhooks($first: Int!, $after: String) {
              webhookSubscriptions(first: $first, after: $after) {
                edges { node { id topic uri } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """);

    public static final GraphqlQuery WEBHOOK_CREATE = new GraphqlQuery("RegisterWebhook", """
            mutation RegisterWebhook($topic: WebhookSubscriptionTopic!, $uri: String!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: {uri: $uri, format: JSON}) {
                webhookSubscription { id topic uri }
                userErrors { field message }
              }
            }
            """);

    public static final GraphqlQuery WEBHOOK_DELETE = new GraphqlQuery("RemoveWebhook", """
            mutation RemoveWebhook($id: ID!) {
              webhookSubscriptionDelete(id: $id) {
                deletedWebhookSubscriptionId
                userErrors { field message }
              }
            }
            """);

    private WebhookQueries() {
    }
}

package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnauthorizedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import jakarta.json.JsonObject;

/**
 * One shop's Admin GraphQL endpoint: posts a query and answers Shopify's whole JSON answer
 * ({@code data}, {@code errors}, {@code extensions}). The catalog fetch depends only on this, so
 * it is unit-tested with a fake; the MicroProfile Rest Client version is {@link HttpGraphqlTransport}.
 */
public interface GraphqlTransport extends AutoCloseable {

    /**
     * @throws ShopifyUnauthorizedException on 401/403
     * @throws ShopifyThrottledException on 429
     * @throws ShopifyUnavailableException on 5xx or when Shopify cannot be reached
     */
    JsonObject post(String query, JsonObject variables);

    @Override
    default void close() {
        // nothing to release by default
    }
}

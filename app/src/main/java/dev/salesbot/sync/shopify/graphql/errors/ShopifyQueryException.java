package dev.salesbot.sync.shopify.graphql.errors;

import java.util.List;

/**
 * Shopify answered with GraphQL {@code errors} other than THROTTLED (an invalid field, a missing
 * scope, a bad id): the same request would fail again, so it is never retried.
 */
public class ShopifyQueryException extends ShopifyApiException {

    private final List<String> errors;

    public ShopifyQueryException(String shop, String queryName, List<String> errors) {
        super("Shopify rejected " + queryName + " for " + shop + ": " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}

package dev.salesbot.sync.shopify.graphql.errors;

/**
 * A call to a shop's Admin API failed. Messages name the shop and the query, never a token.
 * Plain runtime exceptions rather than {@code WebApplicationException}s: they describe Shopify's
 * answer to us, not the answer we give our own clients.
 */
public class ShopifyApiException extends RuntimeException {

    public ShopifyApiException(String message) {
        super(message);
    }

    public ShopifyApiException(String message, Throwable cause) {
        super(message, cause);
    }
}

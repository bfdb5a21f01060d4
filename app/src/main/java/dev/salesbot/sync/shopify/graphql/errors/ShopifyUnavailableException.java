package dev.salesbot.sync.shopify.graphql.errors;

/** 5xx, a network failure, or retries exhausted: the sync stays pending and is tried again later. */
public class ShopifyUnavailableException extends ShopifyApiException {

    public ShopifyUnavailableException(String message) {
        super(message);
    }

    public ShopifyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A wait for Shopify (its rate limit, a bulk operation) was interrupted: the sync is tried again later. */
    public static ShopifyUnavailableException interrupted(InterruptedException e) {
        return new ShopifyUnavailableException("interrupted while waiting for Shopify's rate limit", e);
    }
}

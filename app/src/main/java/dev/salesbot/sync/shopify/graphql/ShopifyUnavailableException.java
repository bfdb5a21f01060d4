package dev.salesbot.sync.shopify.graphql;

/** 5xx, a network failure, or retries exhausted: the sync stays pending and is tried again later. */
public class ShopifyUnavailableException extends ShopifyApiException {

    public ShopifyUnavailableException(String message) {
        super(message);
    }

    public ShopifyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

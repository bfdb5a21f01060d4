package dev.salesbot.sync.shopify.oauth;

/**
 * Only the merchant can fix this (a token Shopify refuses or that no longer opens, a refresh token
 * that expired or was refused, missing access): the connection is marked and the sync ends at
 * once. The message says what happened and what to do; it never holds a token.
 */
public class ShopifyReconnectRequired extends RuntimeException {

    public ShopifyReconnectRequired(String message) {
        super(message);
    }

    public ShopifyReconnectRequired(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.salesbot.sync.shopify.graphql.errors;

/** 401/403: the token is revoked, expired or lacks a scope. Retrying cannot help. */
public class ShopifyUnauthorizedException extends ShopifyApiException {

    public ShopifyUnauthorizedException(String message) {
        super(message);
    }
}

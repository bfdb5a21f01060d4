package dev.salesbot.sync.shopify.graphql.errors;

/**
 * The store cannot be served until its owner acts: 402 (frozen: an unpaid balance), 404 (the
 * shop no longer exists) or 423 (locked by Shopify), as listed in
 * https://shopify.dev/docs/api/usage/response-codes. Not retried.
 */
public class ShopifyStoreClosedException extends ShopifyApiException {

    private final int status;

    public ShopifyStoreClosedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

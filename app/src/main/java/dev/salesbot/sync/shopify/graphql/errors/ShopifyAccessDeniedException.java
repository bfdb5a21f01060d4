package dev.salesbot.sync.shopify.graphql.errors;

import java.util.List;

/**
 * Shopify answered {@code ACCESS_DENIED}: the token lacks a scope (or the store a permission) a
 * selected field needs. Retrying the same query cannot help; the merchant must approve the access.
 * {@code requiredAccess} is Shopify's own wording of what is needed, e.g. "`read_discounts` access scope."
 */
public class ShopifyAccessDeniedException extends ShopifyQueryException {

    private final List<String> requiredAccess;

    public ShopifyAccessDeniedException(String shop, String queryName, List<String> errors, List<String> requiredAccess) {
        super(shop, queryName, errors);
        this.requiredAccess = List.copyOf(requiredAccess);
    }

    public List<String> requiredAccess() {
        return requiredAccess;
    }
}

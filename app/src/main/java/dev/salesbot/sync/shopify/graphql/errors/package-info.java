/**
 * How a Shopify Admin API call failed, as the callers act on it: {@link
 * dev.salesbot.sync.shopify.graphql.errors.ShopifyApiException} and its kinds — throttled (retry
 * after the bucket refills), unauthorized (the token is gone: reconnect), access denied (a scope is
 * missing), store closed, unavailable (retry later), or a query's own errors.
 *
 * <p><b>Out of scope.</b> Deciding which is which from an answer ({@code HttpStatusMapper},
 * {@code PacedGraphql} in the package above) and what a sync does about it.
 */
package dev.salesbot.sync.shopify.graphql.errors;

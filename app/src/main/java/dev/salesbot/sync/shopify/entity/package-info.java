/**
 * The values every part of the Shopify feature shares, and the one table of its own.
 *
 * <p>{@link dev.salesbot.sync.shopify.entity.ShopDomain}: a shop's {@code name.myshopify.com}
 * domain, checked with an anchored pattern ({@code acme} is read as {@code acme.myshopify.com}),
 * and what a merchant typed read into one. {@link dev.salesbot.sync.shopify.entity.ShopAccess}:
 * what it takes to call one shop (domain, base URL, token), printed without its token.
 * {@link dev.salesbot.sync.shopify.entity.AccessScopes}: scope lists as the token endpoint gives
 * them, a {@code write_x} covering {@code read_x}. {@link
 * dev.salesbot.sync.shopify.entity.ShopifyBulkOperation}: the {@code SHOPIFY_BULK_OPERATION} row
 * of a bulk query a full sync started (see {@code bulk}).
 */
package dev.salesbot.sync.shopify.entity;

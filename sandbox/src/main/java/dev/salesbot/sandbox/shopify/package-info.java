/**
 * Simulated Shopify: the OAuth side here (grant page, redirect back with a hex {@code hmac} over the
 * sorted parameters, token endpoint with single-use codes, offline and expiring offline tokens,
 * rotating refresh tokens, {@code _control/oauth} faults and statistics), the admin opening the app
 * at its App URL with a launch signed the same way ({@link dev.salesbot.sandbox.shopify.AdminAppLaunch},
 * {@code SANDBOX_SHOPIFY_APP_URL}), the Admin GraphQL API in
 * {@code admin}. {@link dev.salesbot.sandbox.shopify.SandboxShopifyTokens} is the memory of issued
 * tokens both sides share. Only served when {@code SANDBOX_ENABLED=true}; never imported by the
 * product.
 */
package dev.salesbot.sandbox.shopify;

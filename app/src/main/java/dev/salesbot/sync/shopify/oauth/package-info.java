/**
 * Shopify's token endpoint and the stored tokens.
 *
 * <p><b>Rules.</b> {@link dev.salesbot.sync.shopify.oauth.ShopifyOAuth} builds the grant page's
 * address and calls the token endpoint (a MicroProfile Rest Client built per shop: the host is the
 * shop's): the code exchange asks for an expiring offline token; a refresh answers a new pair. The
 * client secret travels in request bodies only. {@link dev.salesbot.sync.shopify.oauth.ShopifyTokens}
 * seals tokens for storage ({@code TokenCipher}, the connection as authenticated data) and opens
 * them for use, refreshing an access token five minutes before it expires.
 *
 * <p><b>Decisions.</b> Expiring offline tokens are requested (Shopify requires them for public
 * apps from 2027-01-01). A refresh's answer (access and refresh token together) is stored before
 * the new access token is used; if that fails or the answer is lost, the old pair stays stored and
 * is used again, which Shopify allows until the replacement refresh token is first used
 * (https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens).
 * {@code REFRESH_TOKEN_EXPIRES_AT} is checked before a refresh is relied on. Refreshes of one shop
 * are serialised per JVM by a monitor and across servers by a lock on the store's row
 * ({@code PESSIMISTIC_WRITE}): a server that waited for the lock finds the pair another one stored
 * and does not refresh again. A token that cannot be used (no or an expired refresh token, a
 * refused refresh) is a {@link dev.salesbot.sync.shopify.oauth.ShopifyReconnectRequired}: only the
 * merchant can fix it. A stored value no configured key opens is not: it is the operator's key
 * ({@code UnreadableToken}), and the sync waits for it.
 */
package dev.salesbot.sync.shopify.oauth;

/**
 * Connecting a store (flows 1–2 of the architecture) and what the consoles do to a connected one.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>{@link dev.salesbot.sync.shopify.connect.ShopifyConnect#begin} sends the merchant to the
 *   shop's grant page with a signed, expiring, single-use state bound to the browser session.
 *   What a merchant types is read by {@code ShopDomain.fromTyped} (a name, a myshopify.com address
 *   or the admin's {@code admin.shopify.com/store/<name>} address); before the redirect, one
 *   unauthenticated read of the install page (no redirect followed) turns Shopify's 404 for a store
 *   that does not exist into a page that says so.</li>
 *   <li>The callback is checked in an order that spends nothing for a bad request: parameters,
 *   shop, {@code hmac} (constant time), timestamp (±5 min) — {@link
 *   dev.salesbot.sync.shopify.connect.ShopifySignedRequests}, the one check of Shopify's signed
 *   queries — then the state (signature, session, expiry, shop), then its nonce is used, then the
 *   code is exchanged. Upstream failures answer 502.</li>
 *   <li>The App URL's launch from the Shopify admin ({@code shop}, {@code host}, {@code timestamp},
 *   {@code hmac}) passes the same check ({@link dev.salesbot.sync.shopify.connect.ShopifyLaunches}).
 *   Then an active store whose stored token is usable opens for its merchant — the boundary changes
 *   the session id and gives the session that merchant, as after the callback, and shows the
 *   store's page ({@code page}: the result page as things stand, nothing synced) — and any other
 *   store (never installed, uninstalled, disconnected, needing a reconnect, its token expired for
 *   good) starts the install as {@code begin} does. A launch that fails the check changes nothing.</li>
 *   <li>The granted scope must cover every scope of {@code SHOPIFY_SCOPES} (a granted
 *   {@code write_x} covers {@code read_x}); otherwise a 403 {@code missing-scope} names what is
 *   missing, and nothing is stored.</li>
 *   <li>The connection (one store, one merchant UUID: the shop's own if it connected before, a new
 *   one otherwise) and its first full sync are recorded in one transaction
 *   ({@link dev.salesbot.sync.shopify.connect.ShopifyInstalls}). {@code complete} returns as soon
 *   as they are; the boundary then changes the session id and gives the session the store's
 *   merchant, and only then waits ({@code firstSnapshot}, at most {@code CALLBACK_SYNC_WAIT_SECONDS};
 *   a browser's page {@code CALLBACK_PAGE_WAIT_SECONDS}).</li>
 *   <li>Controls never touch the session: they take the session id and the session's state nonces
 *   ({@code StateNonces}) as values.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> A launch is decided from the stored row alone (no call to Shopify, no OAuth
 * round trip): Shopify signs it only for a store where the app is installed or being installed, and
 * a token Shopify revoked meanwhile shows on the store's page (its live read) and at the next sync,
 * which marks the store for a reconnect. A token no configured key opens still opens the store: that
 * is the operator's key to fix, and an install would not fix it. The launch's timestamp window is
 * the callback's (±5 min), and each launch opens a session once, on every server together
 * ({@link dev.salesbot.sync.shopify.connect.UsedLaunches}): Shopify signs a new one each time the
 * app is opened, so a second use is a copy. The boundary moves the browser off the signed address
 * at once (303), and {@code Referrer-Policy: no-referrer} keeps it out of other sites' logs.
 *
 * <p>{@code polling_test} ({@link dev.salesbot.sync.shopify.connect.PollingCheck})
 * is a live read of {@code shop { name }} and {@code productsCount} right after the connect, which
 * also gives the result page's progress bar its total. {@link
 * dev.salesbot.sync.shopify.connect.ShopifyPlatform} is the store's side of the connection
 * operations both consoles use (sync now, webhooks, disconnect, delete).
 *
 * <p><b>Out of scope.</b> Tokens after the exchange ({@code oauth}); the sync itself ({@code sync}).
 */
package dev.salesbot.sync.shopify.connect;

/**
 * Merchants and their connections.
 *
 * <p><b>Purpose.</b> A merchant is a UUID: the {@code users/<uuid>/} prefix of every object the
 * bot reads (a browser session acts for one: {@code sessions}). {@link dev.salesbot.sync.merchants.control.StoreConnections} (stores) and
 * {@link dev.salesbot.sync.merchants.control.PageConnections} (Facebook Pages) store what was
 * connected (JPA, the platform's default datasource).
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>One store, one merchant UUID, decided by the shop: a shop that connected before gets its
 * UUID back from any browser; a shop never seen before gets a new one — never the session's, so
 * two stores connected in one browser (or by two people on a shared one) never share a snapshot.
 * Every Shopify connect switches the session to the store's merchant; Facebook Pages join the
 * session's current merchant.</li>
 * <li>Every connection has a status: ACTIVE (synced), NEEDS_RECONNECT with the reason shown to
 * the merchant (the platform refused the token, access is missing, the store is closed), or, for a
 * store, UNINSTALLED ({@code app/uninstalled}: its tokens are deleted at once, the row and the
 * merchant UUID stay), or DISCONNECTED (from a console: the tokens deleted, the snapshot kept).
 * Only a new connect makes it ACTIVE again, with the same UUID.
 * {@code shop/redact} deletes the store's row. A Page keeps the app-scoped id of the Facebook user
 * who connected it; Meta's deauthorize deletes the tokens of that user's Pages (NEEDS_RECONNECT),
 * a data-deletion request their rows.</li>
 * <li>Tokens are stored only as {@code TokenCipher} ciphertext (columns {@code *_SEALED}); no
 * entity's {@code toString()} shows one. A refresh replaces access and refresh token in one update.</li>
 * <li>Ids are UUID strings (EclipseLink on H2 2.x cannot use IDENTITY) and times are
 * {@code OffsetDateTime} (not every JPA provider maps {@code Instant}).</li>
 * </ul>
 *
 * <p><b>The connection operations</b> both consoles use
 * ({@link dev.salesbot.sync.merchants.control.ConnectionActions}: sync now, re-register webhooks,
 * disconnect, delete a connection or a merchant) ask each connection's
 * {@link dev.salesbot.sync.merchants.control.ConnectionPlatform} (one CDI bean per platform, found as
 * a {@code SyncHandler} is) for what is platform-specific, never the connection's type. A disconnect
 * deletes the tokens and records who disconnected in the status reason; a deletion goes through the
 * durable queue.
 *
 * <p><b>Operators' notices.</b> What must be done on a platform's side for the whole app (enable
 * Shopify bulk queries in the Partner Dashboard) is a row of {@code PLATFORM_NOTICE}
 * ({@link dev.salesbot.sync.merchants.control.PlatformNotices}): raised by the sync that met the
 * refusal, with when to ask the platform again; shown on the dashboard; cleared by a success.
 * Shopify answering another Admin API version than asked for is one too ({@code shopify-api-version},
 * raised and cleared by {@code shopify.graphql.AnsweredVersions} as answers come, with no retry of
 * its own). Each platform's configured API version ({@code ConnectionPlatform.apiVersion}) and its
 * published end of support ({@link dev.salesbot.sync.merchants.control.SupportWindows}, a table with
 * its sources, updated by hand with each release) are computed for the dashboard, never stored.
 *
 * <p><b>Out of scope.</b> Merchant accounts and logins.
 */
package dev.salesbot.sync.merchants;

/**
 * Shopify control: talking to Shopify on behalf of a connected shop.
 *
 * <h2>Connect (OAuth)</h2>
 *
 * <p><b>Purpose.</b> Flows 1–2 of the architecture: {@link dev.salesbot.sync.shopify.connect.ShopifyConnect}
 * sends a merchant to the shop's grant page and accepts Shopify's redirect back;
 * {@link dev.salesbot.sync.shopify.oauth.ShopifyOAuth} calls the token endpoint (code exchange
 * asking for an expiring offline token, refresh); {@link dev.salesbot.sync.shopify.oauth.ShopifyTokens}
 * seals tokens for storage and opens them for use, refreshing five minutes before expiry.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>A shop is a {@link dev.salesbot.sync.shopify.entity.ShopDomain} (anchored pattern) before it
 *   reaches a redirect, a request, a log line or a key. What a merchant types on the start page is
 *   read by {@code ShopDomain.fromTyped} (a name, a myshopify.com address or the admin's {@code
 *   admin.shopify.com/store/<name>} address, each by an anchored pattern, then checked as any other
 *   shop); before the redirect to the install page, one unauthenticated read of that page (no
 *   redirect followed) turns Shopify's 404 for a store that does not exist into a page that says
 *   so.</li>
 *   <li>The callback is checked in an order that spends nothing for a bad request: parameters, shop,
 *   {@code hmac} (constant-time), timestamp (±5 min), state (signature, session, expiry, shop), then
 *   the state's nonce is consumed, then the code is exchanged. Upstream failures answer 502.</li>
 *   <li>The granted scope must cover every scope of {@code SHOPIFY_SCOPES} (a granted
 *   {@code write_x} covers {@code read_x}); otherwise the answer is a 403 {@code missing-scope}
 *   naming what is missing, and nothing is stored.</li>
 *   <li>The connection (one store, one merchant UUID: the shop's own if it connected before, a new
 *   one otherwise) and its first full sync are recorded in one transaction
 *   ({@link dev.salesbot.sync.shopify.connect.ShopifyInstalls}). {@link
 *   dev.salesbot.sync.shopify.connect.ShopifyConnect#complete} returns as soon as they are; the
 *   boundary then changes the session id and gives the session the store's merchant, and only
 *   then waits ({@link dev.salesbot.sync.shopify.connect.ShopifyConnect#firstSnapshot}, at most
 *   {@code CALLBACK_SYNC_WAIT_SECONDS}). Controls never touch the session: they take and return values.</li>
 *   <li>Tokens live in memory only while used; the client secret travels in request bodies only.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> Expiring offline tokens are requested (Shopify requires them for public apps
 * from 2027-01-01). A refresh's answer (access and refresh token together) is stored before the new
 * access token is used; if that fails or the answer is lost, the old pair stays stored and is used
 * again, which Shopify allows until the replacement refresh token is first used
 * (https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens).
 * {@code REFRESH_TOKEN_EXPIRES_AT} is checked before a refresh is relied on. Refreshes of one shop
 * are serialised per JVM by a monitor and across servers by a lock on the store's row
 * ({@code PESSIMISTIC_WRITE}): a server that waited for the lock finds the pair another one stored
 * and does not refresh again. {@code polling_test} ({@link dev.salesbot.sync.shopify.connect.PollingCheck})
 * is a live read of {@code shop { name }} and {@code productsCount} right after the connect.
 *
 * <h2>Webhooks</h2>
 *
 * <p><b>Purpose.</b> Flow 4: keep the snapshot fresh within seconds of a change in the store,
 * without a full fetch per event.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>Registration ({@link dev.salesbot.sync.shopify.webhooks.WebhookRegistrations}) runs at every
 *   full sync: it reads {@code webhookSubscriptions}, creates each missing topic of
 *   {@link dev.salesbot.sync.shopify.webhooks.WebhookTopic#subscribed()} with
 *   {@code webhookSubscriptionCreate(topic, webhookSubscription: {uri: SHOPIFY_WEBHOOK_ADDRESS, format: JSON})}
 *   and deletes this app's subscriptions that are no longer wanted; a complete set creates nothing.
 *   Its outcome (topics, or the problem) is kept on the connection for {@code webhook_test}.</li>
 *   <li>Receipt ({@link dev.salesbot.sync.shopify.webhooks.ShopifyWebhookReceipts}): the HMAC of the raw
 *   bytes is checked first, in constant time, under {@code SHOPIFY_API_SECRET} or
 *   {@code SHOPIFY_API_SECRET_PREVIOUS} (401 otherwise); then the shop header (anchored pattern,
 *   400), the webhook id, the JSON (400 and a WARN line, nothing recorded). No Admin API call and no
 *   storage I/O happen on the request thread.</li>
 *   <li>Recording ({@link dev.salesbot.sync.shopify.webhooks.WebhookRecorder}), one transaction: the
 *   delivery's id (a repeat answers 200 {@code duplicate} and does nothing), then a catalog change as a
 *   pending {@code SHOPIFY_CHANGES} request due after {@code WEBHOOK_QUIET_SECONDS}; {@code app/uninstalled}
 *   deletes the tokens, marks the connection UNINSTALLED and abandons its pending work;
 *   {@code shop/redact} becomes a {@code SHOPIFY_REDACT} request; the customer topics are logged with
 *   their request id (no customer data is held). A store that is unknown or uninstalled: 200
 *   {@code dropped} and an INFO line.</li>
 *   <li>Partial sync ({@link dev.salesbot.sync.shopify.sync.StoreChangesHandler}): the coalesced
 *   {@link dev.salesbot.sync.shopify.webhooks.ChangeSet} is read by id as it is now (so delivery order
 *   does not matter), patched in by {@code SnapshotPatch} so that the document equals what a full
 *   fetch would write, and both objects are written once.</li>
 *   <li>{@link dev.salesbot.sync.shopify.webhooks.WebhookCheck} gives the callback's
 *   {@code webhook_test}: success only when registration found every topic at the configured
 *   address and a signed test delivery to that address was answered as this server's (it starts no
 *   sync); at most about 4 s.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> A webhook names what changed; it is never trusted for what the thing is now
 * (the body is not stored in the snapshot, only its validated gid). The endpoint answers 200 to
 * everything it verified, even when it drops it, because Shopify removes subscriptions whose
 * deliveries keep failing. The compliance topics are declared in {@code shopify.app.toml}, not
 * subscribed (the Admin API has no topic for them).
 *
 * <h2>Failures</h2>
 *
 * <p>{@link dev.salesbot.sync.shopify.sync.ShopifyFailures} classifies every failed store sync:
 * <table>
 *   <caption>what ends a sync, and what is retried</caption>
 *   <tr><th>failure</th><th>class</th><th>what happens</th></tr>
 *   <tr><td>401/403 from the Admin API</td><td>needs the merchant</td><td>store marked NEEDS_RECONNECT, sync ends</td></tr>
 *   <tr><td>{@code ACCESS_DENIED} (a scope or permission missing)</td><td>needs the merchant</td><td>marked, ends; the reason names Shopify's required access</td></tr>
 *   <tr><td>402 frozen, 404 gone, 423 locked</td><td>needs the merchant</td><td>marked, ends</td></tr>
 *   <tr><td>expired token without refresh token; refresh token past its expiry; refresh answered 4xx; a token that no longer decrypts</td><td>needs the merchant</td><td>marked, ends</td></tr>
 *   <tr><td>any other GraphQL error</td><td>a defect</td><td>ends with Shopify's message; store left active</td></tr>
 *   <tr><td>THROTTLED or 429 past the pacer's retries</td><td>retry later</td><td>pending, no sooner than Retry-After</td></tr>
 *   <tr><td>5xx, unreachable, token endpoint down, storage unavailable</td><td>retry later</td><td>pending, backoff</td></tr>
 * </table>
 * A store that is not ACTIVE is not synced; a new connect makes it ACTIVE again.
 *
 * <h2>Catalog</h2>
 *
 * <p><b>Purpose.</b> Fetch a shop's complete catalog through the Admin GraphQL API (version
 * {@code SHOPIFY_API_VERSION}, default 2026-10) for the stored snapshot, and the compact
 * {@link dev.salesbot.sync.shopify.catalog.BotDigest} the bot reads. Entry point:
 * {@link dev.salesbot.sync.shopify.graphql.GraphqlSessions} ({@code fetchAll} on connect and poll,
 * {@code CatalogFetch.products} for changed products by id).
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>The stored document is {@code {"data": {"shop", "products", "codeDiscountNodes",
 *   "collections"}}} as if one query had returned every edge: every connection, nested ones
 *   included, is paged to its end and merged, with {@code hasNextPage: false}.</li>
 *   <li>Every query needs only the default {@code SHOPIFY_SCOPES} (tested with the scope rules of the
 *   real schema's {@code offline_scopes}). The store's legal policies need {@code read_legal_policies},
 *   which the defaults do not ask for: they are read only when that scope is granted, in a query of
 *   their own ({@code CatalogShopPolicies}), and a denial of it leaves the snapshot whole without them.</li>
 *   <li>No query selects a deprecated field or argument. Discounts come from {@code discountNodes}
 *   filtered with {@code method:code}, aliased {@code codeDiscountNodes} to keep the tutorial's key.
 *   Every query is validated against the real schema in the tests ({@code CatalogQueriesTest}, through the
 *   sandbox's {@code AdminSchema} and cost model).</li>
 *   <li>No request asks for more than Shopify's 1,000-point single-query maximum.</li>
 *   <li>The access token travels only in the {@code X-Shopify-Access-Token} header; it is never
 *   logged, printed ({@link dev.salesbot.sync.shopify.entity.ShopAccess#toString()}) or put in an
 *   exception message.</li>
 *   <li>Portable: one Jakarta REST client for every shop's Admin API calls (the shop is the
 *   target's host; a client per fetch rebuilt the client runtime every time) and JSON-P only;
 *   statuses are mapped by {@code HttpStatusMapper}. The fetch logic sees only the
 *   {@link dev.salesbot.sync.shopify.graphql.GraphqlTransport} interface and is unit-tested against
 *   the sandbox's simulated Shopify called in process ({@code InProcessShopify}): real schema,
 *   Shopify's cost model, leaky bucket on the test's clock.</li>
 * </ul>
 *
 * <p><b>Decisions: page sizes.</b> Requested cost follows Shopify's documented rules (object 1,
 * scalar/enum 0, union/interface the dearest possible type, connection 2 + first × node; a list of
 * objects that is not a connection counts once, size argument or not). Each figure is recomputed from the query text by
 * {@code CatalogQueriesTest}:
 * <table>
 *   <caption>queries, sizes and requested costs</caption>
 *   <tr><th>query</th><th>sizes</th><th>cost</th></tr>
 *   <tr><td>products</td><td>15 products × 25 variants (product 57)</td><td>2 + 15 × 57 = 857</td></tr>
 *   <tr><td>code discounts</td><td>15 discounts × 10 codes, 10 items (discount 54)</td><td>2 + 15 × 54 = 812</td></tr>
 *   <tr><td>collections</td><td>20 collections × 40 product ids</td><td>2 + 20 × 43 = 862</td></tr>
 *   <tr><td>shop / its legal policies</td><td>—</td><td>2 / 2</td></tr>
 *   <tr><td>variants follow-up</td><td>250</td><td>503</td></tr>
 *   <tr><td>codes / discount products / collections follow-up</td><td>250</td><td>254 / 256 / 256</td></tr>
 *   <tr><td>discount variants follow-up</td><td>250</td><td>506</td></tr>
 *   <tr><td>collection products follow-up</td><td>250</td><td>253</td></tr>
 *   <tr><td>products by id ({@code nodes(ids:)})</td><td>15 ids</td><td>15 × 57 = 855</td></tr>
 * </table>
 * First pages are sized for the common case (most products have under 25 variants, most
 * discounts one code) and stay under 1,000 with some margin; what does not fit is followed per
 * node with 250-item pages, Shopify's largest, so a long tail costs few requests. Real Shopify
 * often charges less than these rules; the pacer reads the real bucket level from every answer.
 *
 * <p><b>Decisions: pacing.</b> {@link dev.salesbot.sync.shopify.graphql.ThrottlePacer} keeps one
 * estimate of each shop's bucket: the last reported {@code currentlyAvailable} plus
 * {@code restoreRate} × the time since that answer was received (Shopify measured the level before
 * answering, so counting from the receipt errs low). Before a request of requested cost c it waits exactly
 * (c − available) ÷ restoreRate when the bucket is short, so the bucket is drained but never
 * overdrawn: a normal sync meets no THROTTLED, and since Shopify refunds requested − actual after
 * each query, elapsed time tracks (total actual cost − bucket size) ÷ restore rate; the only points
 * left unspent are the last request's reservation, which is why the 2-point shop query goes last.
 * (A simulated sync of 604 products, 6 discounts with 3,000 codes and a 600-product collection:
 * 61 requests, no THROTTLED, within about 3 % of that bound.) THROTTLED answers wait as computed
 * from their own throttle status; 429 honours Retry-After; 5xx and network failures back off
 * exponentially (1 s doubling, capped at 30 s, equal jitter); at most 8 attempts and 3 minutes per
 * request, then a {@code ShopifyThrottledException} or {@code ShopifyUnavailableException} that
 * leaves the sync pending. Any other GraphQL error is a {@code ShopifyQueryException}
 * ({@code ShopifyAccessDeniedException} for {@code ACCESS_DENIED}), which the pacer never retries and
 * {@code ShopifyFailures} ends at once.
 *
 * <p><b>Decisions: memory.</b> The whole document is held until it is stored (its hash decides
 * the upload, and the connect answer carries it). Each kept edge is copied into
 * {@code CompactJson}'s form as it arrives: objects share one key array per shape and short
 * repeated strings are stored once. 10,000 products (about 60,000 variants, a 31 MB snapshot) then
 * hold about 100 MB of heap instead of about 270 MB in Parsson's own objects; the sync runs in a
 * 256 MB heap with room to spare (see {@code bench/README.md}).
 *
 * <p><b>Decisions: digest.</b> Only ACTIVE products; codes of ACTIVE, in-date code discounts whose
 * items cover the product (all items, the product, a variant, or a collection holding it), free
 * shipping everywhere, app discounts nowhere (their scope is not in the data); at most five codes
 * per discount.
 *
 * <h2>Bulk operations</h2>
 *
 * <p><b>Purpose.</b> A full sync of a store above {@code BULK_THRESHOLD_PRODUCTS} (250, read with
 * one {@code productsCount} query) costs tens of points instead of hundreds of thousands:
 * {@link dev.salesbot.sync.shopify.bulk.BulkCatalogFetch}
 * (https://shopify.dev/docs/api/usage/bulk-operations/queries).
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>Five queries ({@link dev.salesbot.sync.shopify.bulk.BulkPart}), started at once (2026-10 runs
 *   up to five per shop), each within Shopify's restrictions: at most five connections counted as
 *   written (a connection under four type conditions counts four times, which is why the discounts'
 *   items have queries of their own), at most two levels, no top-level {@code node}/{@code nodes},
 *   no variables; same fields as the paged queries, so the same scopes ({@code BulkCatalogFetchTest}
 *   checks each against the sandbox's rules and the real schema).</li>
 *   <li>An operation Shopify accepted is in {@code SHOPIFY_BULK_OPERATION}
 *   ({@link dev.salesbot.sync.shopify.bulk.BulkOperationRows}, its own transaction) before the
 *   sync waits for it; a later attempt, after a restart or on another server, waits for the recorded
 *   operations and starts none. The rows are deleted once the snapshot is written.</li>
 *   <li>Completion: the {@code bulk_operations/finish} webhook (recorded on the row by whichever server
 *   receives it; read every second) or {@code bulkOperation(id:)} polled at 1 s doubling to 30 s.
 *   Past {@code BULK_WAIT_SECONDS} the attempt is postponed (5 s) and the next one goes on waiting.</li>
 *   <li>The JSONL is downloaded by {@link dev.salesbot.sync.shopify.bulk.HttpBulkDownloads}: a
 *   plain client, no token or app header (the address is a signed storage URL), http(s) only,
 *   streamed; {@link dev.salesbot.sync.shopify.bulk.BulkAssembly} reads it line by line, joins
 *   children to parents by {@code __parentId} (a parent comes earlier, not necessarily just before)
 *   and builds exactly the stored shape of paging, compacted as it goes: same bytes, same digest.</li>
 *   <li>{@code ACCESS_DENIED}: the sync ends as any denial does. {@code FAILED} (its partial data is
 *   never read), {@code CANCELED}, {@code EXPIRED}, an address answering 403/404/410 (read the
 *   operation again for a fresh one, once), or a file whose line count is not {@code objectCount}:
 *   one new operation for that part, then that part is paged. {@code LIMIT_REACHED}: postponed 30 s.
 *   The result's message and {@code snapshot.fetched} say how it was fetched.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> Costs: five mutations (10 each), {@code productsCount} (1), status polls
 * (1 each), the shop (2). The assembled catalog is held in memory, compacted, as paging holds it
 * (the snapshot is hashed and written whole); {@code bench/bulk.sh} measures the heap.
 *
 * <p><b>Out of scope here.</b> The daily poll (its own package); OAuth and the shop-domain type
 * (same package, other classes).
 */
package dev.salesbot.sync.shopify;

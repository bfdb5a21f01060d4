/**
 * Shopify: a merchant's store connected through OAuth, read through the Admin GraphQL API
 * ({@code SHOPIFY_API_VERSION}, default 2026-10) into {@code users/<uuid>/shopify/shopify_data.json}
 * and the bot's {@code preprocessed_data.json}, and kept fresh by webhooks and the daily poll.
 *
 * <p><b>Sub-packages</b>, each importing only the ones listed after it:
 * <ul>
 *   <li>{@code boundary}: the App URL ({@code /}: the start page, and Shopify's signed launch from the
 *   admin), the connect and webhook endpoints, the callback's answer and result page, the store's page;</li>
 *   <li>{@code connect}: OAuth's two steps and the signed-query check they share with the launch
 *   ({@code ShopifySignedRequests}), the install, where a launch goes ({@code ShopifyLaunches}), the
 *   callback's live checks, and what the consoles do to a store ({@code ShopifyPlatform});</li>
 *   <li>{@code sync}: the sync handlers (full, changes, redaction), the failure classification,
 *   the two stored objects;</li>
 *   <li>{@code webhooks}: subscriptions, receipt, recording, a handler per lifecycle and privacy topic;</li>
 *   <li>{@code bulk}: large catalogs through bulk operations;</li>
 *   <li>{@code catalog}: the catalog's queries, paging, reads by id, patching, the bot's digest;</li>
 *   <li>{@code oauth}: the token endpoint and the stored tokens, sealed and refreshed;</li>
 *   <li>{@code graphql}: one shop's Admin GraphQL endpoint, paced on its leaky bucket, with typed
 *   failures; the app's settings; in {@code graphql.buckets}, the bucket's cost reports the servers
 *   share;</li>
 *   <li>{@code entity}: the values every part shares (shop domain, access, scopes) and the bulk
 *   operation row.</li>
 * </ul>
 *
 * <p><b>Rules everywhere.</b> A shop is a {@code ShopDomain} (anchored pattern) before it reaches
 * a redirect, a request, a log line or a storage key. Tokens are in memory only while used, travel
 * only in the {@code X-Shopify-Access-Token} header (the client secret only in request bodies) and
 * are never logged, printed, put in an exception message or returned. Portable APIs only: one
 * Jakarta REST client and JSON-P.
 *
 * <p><b>Out of scope.</b> When polls happen ({@code poll}), the durable queue ({@code queue}), the
 * merchant's and the operators' pages ({@code account}, {@code admin}).
 */
package dev.salesbot.sync.shopify;

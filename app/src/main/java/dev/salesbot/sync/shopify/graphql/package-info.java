/**
 * One shop's Admin GraphQL endpoint: the app's settings ({@link dev.salesbot.sync.shopify.graphql.ShopifyApp}),
 * the transport, pacing on the shop's leaky bucket, bounded retries and typed failures.
 *
 * <p><b>Rules.</b> {@link dev.salesbot.sync.shopify.graphql.GraphqlSessions} holds one Jakarta REST
 * client for every shop (a client per fetch rebuilt the client runtime every time) and one
 * {@link dev.salesbot.sync.shopify.graphql.ThrottlePacer} per shop for the life of the application,
 * because Shopify's bucket outlives any fetch. Everything above sees only the
 * {@link dev.salesbot.sync.shopify.graphql.GraphqlTransport} interface, so it is unit-tested against
 * the sandbox's Shopify called in process ({@code InProcessShopify}: real schema, cost model,
 * leaky bucket on the test's clock). HTTP failures are typed by
 * {@link dev.salesbot.sync.shopify.graphql.HttpStatusMapper} without reading the body: 401/403
 * unauthorized, 402/404/423 store closed, 429 throttled (with Retry-After), 5xx unavailable.
 *
 * <p><b>Decisions: pacing.</b> The pacer keeps one estimate of each shop's bucket: the last
 * reported {@code currentlyAvailable} plus {@code restoreRate} × the time since that answer was
 * received (Shopify measured the level before answering, so counting from the receipt errs low).
 * Before a request of requested cost c it waits exactly (c − available) ÷ restoreRate when the
 * bucket is short, so the bucket is drained but never overdrawn: a normal sync meets no THROTTLED,
 * and since Shopify refunds requested − actual after each query, elapsed time tracks (total actual
 * cost − bucket size) ÷ restore rate. THROTTLED answers wait as computed from their own throttle
 * status; 429 honours Retry-After; 5xx and network failures back off exponentially (1 s doubling,
 * capped at 30 s, equal jitter); at most 8 attempts and 3 minutes per request
 * ({@link dev.salesbot.sync.shopify.graphql.RetryPolicy}), then a
 * {@code ShopifyThrottledException} or {@code ShopifyUnavailableException}, which leave the sync
 * pending. Any other GraphQL error is a {@code ShopifyQueryException}
 * ({@code ShopifyAccessDeniedException} for {@code ACCESS_DENIED}), never retried.
 * {@link dev.salesbot.sync.shopify.graphql.MeteredTransport} counts each answer's cost and
 * throttling for the metrics.
 *
 * <p><b>Decisions: API version.</b> {@code SHOPIFY_API_VERSION} is checked at start
 * ({@link dev.salesbot.sync.shopify.graphql.ShopifyApp#API_VERSION}, anchored). Shopify answers a
 * retired version as the oldest supported one instead of refusing it ("falls forward"), so every
 * answer's {@code X-Shopify-API-Version} goes to
 * {@link dev.salesbot.sync.shopify.graphql.AnsweredVersions}: a different version is counted, logged
 * once a day and raised as the operators' notice, and the answer is used as it is — refusing it
 * would stop every sync for an operator's upgrade that Shopify itself does not require.
 *
 * <p><b>Decisions: one bucket, several servers.</b> A store's syncs run under its lease, so one
 * server at a time; but the callback's live read and {@code polling_test} and the console's actions
 * are made by whichever server took the request, and each server's pacer believed it had the whole
 * bucket, so together they could overdraw it (THROTTLED). Each answer's cost report is therefore
 * also shared with the other servers through the database ({@code graphql.buckets}), and the shared
 * report is read before each request: the pacer takes the lower of its own and the shared estimate.
 * How the session was opened says which calls are outside a lease —
 * {@code GraphqlSessions.openInLease} for the sync handlers, {@code open} for everything else (the
 * safe default for a new caller) — not the call stack. Outside a lease a call waits until the
 * estimate covers its cost plus a reserve for the holder: half the bucket, or the largest cost any
 * server's query asked of the shop if more (shared with the report), so that the holder's next
 * request fits even when it has not yet seen the other's spending; the wait is re-checked each
 * second and bounded (30 s), after which the call goes and a THROTTLED answer is retried as any
 * other. On Shopify's plans half the bucket (1,000 of 2,000 points) already exceeds our largest
 * query (862).
 */
package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.errors.ShopifyAccessDeniedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyQueryException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;

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
 */
package dev.salesbot.sync.shopify.graphql;

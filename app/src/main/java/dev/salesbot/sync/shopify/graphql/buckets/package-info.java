/**
 * A shop's leaky bucket as the servers sharing a database last saw it: each Admin answer's cost
 * report is written to the shop's one {@code SHOPIFY_BUCKET} row and read back, before each
 * request, as a {@link dev.salesbot.sync.shopify.graphql.buckets.BucketReport} (the bucket, its
 * age, and the largest cost any server's query asked of the shop), for the pacer in
 * {@code graphql} to merge into its own estimate.
 *
 * <p><b>Rules.</b> The pacing sees only {@link dev.salesbot.sync.shopify.graphql.buckets.BucketBoard}
 * ({@code NONE} for a single process that shares nothing: unit tests); the package imports nothing of
 * {@code graphql}, which uses it. {@link dev.salesbot.sync.shopify.graphql.buckets.ShopBuckets}
 * writes with an UPDATE (an INSERT the first time) and reads with a SELECT, each its own
 * transaction, the time stamped by the database's clock so that a report's age reads the same on
 * every server.
 *
 * <p><b>Decisions.</b> The row is a hint: a failed read or write is logged at DEBUG and pacing goes
 * on from the server's own view; a stale row has refilled in the estimate. It costs two small
 * statements per Admin call, which takes far longer itself.
 */
package dev.salesbot.sync.shopify.graphql.buckets;

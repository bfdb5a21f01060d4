package dev.salesbot.sync.shopify.graphql.buckets;

import java.time.Duration;

/**
 * A shop's last cost report as every server shares it: the bucket Shopify reported after some
 * server's answer, how long ago by the database's clock, and the largest cost any server's query
 * asked of the shop (what a lease holder may need at once).
 */
public record BucketReport(double currentlyAvailable, double maximumAvailable, double restoreRate, int largestRequested,
                           Duration age) {
}

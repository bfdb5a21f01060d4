package dev.salesbot.sync.shopify.graphql;

import java.time.Duration;

/** What one fetch cost: for logs and the benchmark, which compares it with the bucket's lower bound. */
public record FetchStats(int requests, long requestedCost, long actualCost, int throttled, int retries,
                         Duration waited) {
}

package dev.salesbot.sync.shopify.graphql.errors;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429 (or THROTTLED answers until the retries ran out); carries Shopify's Retry-After. */
public class ShopifyThrottledException extends ShopifyApiException {

    private final Duration retryAfter;

    public ShopifyThrottledException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long Shopify asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

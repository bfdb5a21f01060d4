package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.errors.ShopifyApiException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyStoreClosedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnauthorizedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns the Admin API's HTTP failures ({@link HttpGraphqlTransport}) into typed exceptions the pacing loop can act on:
 * 401/403 → {@link ShopifyUnauthorizedException}, 402/404/423 → {@link ShopifyStoreClosedException},
 * 429 → {@link ShopifyThrottledException} with its Retry-After, 5xx → {@link ShopifyUnavailableException},
 * any other 4xx → {@link ShopifyApiException}. Meanings from
 * https://shopify.dev/docs/api/usage/response-codes. The body is not read: it could echo request headers.
 */
public final class HttpStatusMapper {

    private HttpStatusMapper() {
    }

    public static ShopifyApiException forStatus(int status, String retryAfter, Instant now) {
        if (status == 401 || status == 403) {
            return new ShopifyUnauthorizedException("Shopify Admin API refused the access token (HTTP " + status + ")");
        }
        if (status == 402) {
            return new ShopifyStoreClosedException(status, "Shopify answered HTTP 402: the store is frozen until its owner "
                    + "pays the outstanding balance in the Shopify admin");
        }
        if (status == 404) {
            return new ShopifyStoreClosedException(status, "Shopify answered HTTP 404: there is no store at this address any more");
        }
        if (status == 423) {
            return new ShopifyStoreClosedException(status, "Shopify answered HTTP 423: the store is locked; its owner must contact Shopify");
        }
        if (status == 429) {
            return new ShopifyThrottledException("Shopify Admin API throttled the request (HTTP 429)",
                    parseRetryAfter(retryAfter, now));
        }
        if (status >= 500) {
            return new ShopifyUnavailableException("Shopify Admin API unavailable (HTTP " + status + ")");
        }
        return new ShopifyApiException("Shopify Admin API answered HTTP " + status);
    }

    /** Retry-After as delta-seconds (Shopify sends "2.0") or an HTTP-date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            double seconds = Double.parseDouble(trimmed);
            return seconds < 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration delta = Duration.between(now, at);
                return delta.isNegative() ? Duration.ZERO : delta;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}

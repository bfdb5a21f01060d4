package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.errors.ShopifyApiException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnauthorizedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HttpStatusMapperTest {

    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    @Test
    void mapsRefusedTokensToUnauthorized() {
        assertThat(HttpStatusMapper.forStatus(401, null, NOW)).isInstanceOf(ShopifyUnauthorizedException.class);
        assertThat(HttpStatusMapper.forStatus(403, null, NOW)).isInstanceOf(ShopifyUnauthorizedException.class);
    }

    @Test
    void mapsTooManyRequestsToThrottledWithShopifysRetryAfter() {
        ShopifyApiException seconds = HttpStatusMapper.forStatus(429, "2.0", NOW);
        ShopifyApiException date = HttpStatusMapper.forStatus(429, "Sun, 01 Feb 2026 12:00:09 GMT", NOW);

        assertThat(seconds).isInstanceOfSatisfying(ShopifyThrottledException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
        assertThat(date).isInstanceOfSatisfying(ShopifyThrottledException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(9)));
        assertThat(HttpStatusMapper.forStatus(429, null, NOW)).isInstanceOfSatisfying(ShopifyThrottledException.class,
                e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void mapsServerErrorsToUnavailable() {
        assertThat(HttpStatusMapper.forStatus(502, null, NOW)).isInstanceOf(ShopifyUnavailableException.class);
        assertThat(HttpStatusMapper.forStatus(503, null, NOW)).isInstanceOf(ShopifyUnavailableException.class);
    }
}

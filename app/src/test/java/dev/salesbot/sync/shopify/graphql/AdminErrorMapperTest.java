package dev.salesbot.sync.shopify.graphql;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AdminErrorMapperTest {

    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    @Test
    void mapsRefusedTokensToUnauthorized() {
        assertThat(AdminErrorMapper.forStatus(401, null, NOW)).isInstanceOf(ShopifyUnauthorizedException.class);
        assertThat(AdminErrorMapper.forStatus(403, null, NOW)).isInstanceOf(ShopifyUnauthorizedException.class);
    }

    @Test
    void mapsTooManyRequestsToThrottledWithShopifysRetryAfter() {
        ShopifyApiException seconds = AdminErrorMapper.forStatus(429, "2.0", NOW);
        ShopifyApiException date = AdminErrorMapper.forStatus(429, "Sun, 01 Feb 2026 12:00:09 GMT", NOW);

        assertThat(seconds).isInstanceOfSatisfying(ShopifyThrottledException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(2)));
        assertThat(date).isInstanceOfSatisfying(ShopifyThrottledException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(9)));
        assertThat(AdminErrorMapper.forStatus(429, null, NOW)).isInstanceOfSatisfying(ShopifyThrottledException.class,
                e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void mapsServerErrorsToUnavailable() {
        assertThat(AdminErrorMapper.forStatus(502, null, NOW)).isInstanceOf(ShopifyUnavailableException.class);
        assertThat(AdminErrorMapper.forStatus(503, null, NOW)).isInstanceOf(ShopifyUnavailableException.class);
    }
}

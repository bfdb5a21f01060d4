package dev.salesbot.sync.monitoring.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MetersTest {

    @Test
    void theScrapeNamesEveryMeterInPrometheusStyle() {
        Meters meters = new Meters();
        meters.start();
        try {
            meters.webhookReceived("shopify", "DUPLICATE");
            meters.webhookRejected("facebook");
            meters.sync("SHOPIFY_FULL", "WRITTEN", Duration.ofMillis(1500));
            meters.shopifyRequest(12, true);
            meters.graphRequest(37);

            String scrape = meters.scrape();

            assertThat(scrape).contains("salesbot_webhooks_received_total{platform=\"shopify\",receipt=\"duplicate\"} 1.0",
                    "salesbot_webhooks_rejected_total{platform=\"facebook\"} 1.0",
                    "salesbot_syncs_seconds_count{kind=\"shopify_full\",result=\"written\"} 1",
                    "salesbot_syncs_seconds_sum{kind=\"shopify_full\",result=\"written\"} 1.5",
                    "salesbot_shopify_cost_points_total 12.0", "salesbot_shopify_throttled_total 1.0",
                    "salesbot_facebook_usage_percent 37.0");
        } finally {
            meters.stop();
        }
    }
}

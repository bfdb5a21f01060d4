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
            meters.shopifyVersionFellForward("2026-10", "2027-01");
            meters.apiVersionSupport("shopify", "2026-10", () -> 298L);
            meters.apiVersionSupport("facebook", "v26.0", () -> null);

            String scrape = meters.scrape();

            assertThat(scrape).contains("salesbot_webhooks_received_total{platform=\"shopify\",receipt=\"duplicate\"} 1.0",
                    "salesbot_webhooks_rejected_total{platform=\"facebook\"} 1.0",
                    "salesbot_syncs_seconds_count{kind=\"shopify_full\",result=\"written\"} 1",
                    "salesbot_syncs_seconds_sum{kind=\"shopify_full\",result=\"written\"} 1.5",
                    "salesbot_shopify_cost_points_total 12.0", "salesbot_shopify_throttled_total 1.0",
                    "salesbot_facebook_usage_percent 37.0",
                    "salesbot_shopify_api_version_fallforward_total{answered=\"2027-01\",requested=\"2026-10\"} 1.0",
                    "salesbot_api_version_support_days{platform=\"shopify\",version=\"2026-10\"} 298.0",
                    "salesbot_api_version_support_days{platform=\"facebook\",version=\"v26.0\"} NaN");
        } finally {
            meters.stop();
        }
    }

    /** A gauge's state is weakly held by default: the support gauge's supplier, held by nothing else, must survive a collection. */
    @Test
    void theSupportGaugeKeepsReadingAfterAGarbageCollection() {
        Meters meters = Meters.inMemory();
        Long days = Long.valueOf(System.getProperty("no.such.property", "298"));
        meters.apiVersionSupport("shopify", "2026-10", () -> days); // a capturing lambda: a new object only the gauge holds

        for (int i = 0; i < 5; i++) {
            System.gc();
        }

        assertThat(meters.registry().get("salesbot.api.version.support").tag("platform", "shopify").gauge().value()).isEqualTo(298.0);
    }
}

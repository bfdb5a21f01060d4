package dev.salesbot.sync.admin.boundary;

import dev.salesbot.sync.admin.control.Dashboard;
import dev.salesbot.sync.merchants.control.PlatformNotices;
import dev.salesbot.sync.merchants.control.SupportWindows;
import dev.salesbot.sync.merchants.control.TokenKeys;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.webhooks.control.Intake;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's "Action needed" line for each notice (issue 24), escaped, above the connections. */
class AdminViewsTest {

    @Test
    void aNoticeIsShownAboveTheConnectionsWithWhatToDoAndWhenItIsTriedAgain() {
        Instant since = Instant.parse("2026-12-07T09:00:00Z");
        Dashboard.Overview overview = new Dashboard.Overview(List.of(), new SyncRequests.Queue(0, 0, 0, null, null), List.of(),
                Duration.ofHours(24), true, new TokenKeys.Census(0, 0, 0, since),
                List.of(new PlatformNotices.Notice(PlatformNotices.SHOPIFY_BULK_QUERIES,
                        "Bulk queries are not enabled for this app: Partner Dashboard → API access requests → Allow bulk queries <now>",
                        since, since.plus(Duration.ofHours(6)))),
                List.of(), Map.of(), OffsetDateTime.of(2026, 12, 7, 9, 30, 0, 0, ZoneOffset.UTC));

        String page = AdminViews.dashboard(overview, "admin", "token", null);

        assertThat(page).contains("id=\"notice-shopify-bulk-queries\"", "Action needed:", "Allow bulk queries &lt;now&gt;")
                .doesNotContain("<now>");
        assertThat(page.indexOf("notice-shopify-bulk-queries")).isLessThan(page.indexOf("<h2>Connections</h2>"));
    }

    @Test
    void showsEachConfiguredVersionsEndOfSupportAndWarnsWithinNinetyDays() {
        Instant now = Instant.parse("2027-08-01T10:00:00Z");
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, ZoneOffset.UTC);
        Dashboard.Overview overview = new Dashboard.Overview(List.of(), new SyncRequests.Queue(0, 0, 0, null, null), List.of(),
                Duration.ofHours(24), true, new TokenKeys.Census(0, 0, 0, now), List.of(),
                List.of(SupportWindows.of("facebook", "FACEBOOK_GRAPH_API_VERSION", "v24.0", today),
                        SupportWindows.of("shopify", "SHOPIFY_API_VERSION", "2026-10", today)),
                Map.of(), now.atOffset(ZoneOffset.UTC));

        String page = AdminViews.dashboard(overview, "admin", "token", null);

        assertThat(page).contains("id=\"api-versions\"", "2028-02-18", "2027-10-01", "https://shopify.dev/docs/api/usage/versioning");
        assertThat(page).contains("id=\"version-shopify\"", "Shopify Admin API 2026-10 reaches its end of support on 2027-10-01, in 61 days",
                "set SHOPIFY_API_VERSION").doesNotContain("id=\"version-facebook\"");
        assertThat(page.indexOf("version-shopify")).isLessThan(page.indexOf("<h2>Connections</h2>"));
    }

    @Test
    void aNoticeWatchedOnEveryAnswerAnnouncesNoRetry() {
        Instant since = Instant.parse("2027-10-02T09:00:00Z");
        Dashboard.Overview overview = new Dashboard.Overview(List.of(), new SyncRequests.Queue(0, 0, 0, null, null), List.of(),
                Duration.ofHours(24), true, new TokenKeys.Census(0, 0, 0, since),
                List.of(new PlatformNotices.Notice("shopify-api-version", "Shopify answers Admin API version 2027-01.", since, since)),
                List.of(), Map.of(), since.plusSeconds(600).atOffset(ZoneOffset.UTC));

        String page = AdminViews.dashboard(overview, "admin", "token", null);

        assertThat(page).contains("id=\"notice-shopify-api-version\"", "Shopify answers Admin API version 2027-01.")
                .doesNotContain("tried again after");
    }

    @Test
    void showsEachWebhookIntakesBatchesAndRefusals() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        Dashboard.Overview overview = new Dashboard.Overview(List.of(), new SyncRequests.Queue(0, 0, 0, null, null), List.of(),
                Duration.ofHours(24), true, new TokenKeys.Census(0, 0, 0, now), List.of(), List.of(),
                new java.util.TreeMap<>(Map.of("shopify", new Intake.Stats(12, 2000, 40, 10_000, 200, Map.of("full", 3L)),
                        "facebook", new Intake.Stats(0, 2000, 0, 0, 0, Map.of()))),
                now.atOffset(ZoneOffset.UTC));

        String page = AdminViews.dashboard(overview, "admin", "token", null);

        assertThat(page).contains("id=\"webhook-intake\"", "<tr id=\"intake-shopify\" class=\"problem\"><td>shopify</td><td>12 of 2000</td>"
                + "<td>10000</td><td>40 (250.0 a batch)</td><td>200</td><td>3 {full=3}</td></tr>", "<tr id=\"intake-facebook\"><td>facebook</td>");
        assertThat(AdminJson.summary(overview).getJsonArray("webhook_intake").getJsonObject(1).toString())
                .isEqualTo("{\"platform\":\"shopify\",\"depth\":12,\"capacity\":2000,\"batches\":40,\"deliveries\":10000,"
                        + "\"largest_batch\":200,\"refused\":{\"full\":3}}");
    }
}

package dev.salesbot.sync.admin.boundary;

import dev.salesbot.sync.admin.control.Dashboard;
import dev.salesbot.sync.merchants.control.PlatformNotices;
import dev.salesbot.sync.merchants.control.TokenKeys;
import dev.salesbot.sync.queue.control.SyncRequests;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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
                OffsetDateTime.of(2026, 12, 7, 9, 30, 0, 0, ZoneOffset.UTC));

        String page = AdminViews.dashboard(overview, "admin", "token", null);

        assertThat(page).contains("id=\"notice-shopify-bulk-queries\"", "Action needed:", "Allow bulk queries &lt;now&gt;")
                .doesNotContain("<now>");
        assertThat(page.indexOf("notice-shopify-bulk-queries")).isLessThan(page.indexOf("<h2>Connections</h2>"));
    }
}

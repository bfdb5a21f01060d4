package dev.salesbot.sync.merchants.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Until when each platform supports the API versions this release may be configured with, as the
 * platforms published it. The dashboard shows the configured versions' dates and warns from
 * {@value #WARN_DAYS} days before the end. A version missing here is shown as unknown: add it with
 * its source when a release supports it.
 *
 * <p>Sources (read 2026-12-07):
 * <ul>
 * <li>Shopify: "Each stable version is supported for a minimum of 12 months"; 2026-04 until April 1,
 * 2027, 2026-07 until July 1, 2027, 2026-10 until October 1, 2027, 2027-01 until January 1, 2028 —
 * https://shopify.dev/docs/api/usage/versioning (a minimum: Shopify may serve a version longer,
 * never shorter). After it, requests fall forward ({@code shopify.graphql.AnsweredVersions}).</li>
 * <li>Meta: "Available until" in the Graph API changelog — v21.0 January 21, 2027, v22.0 May 20,
 * 2027, v23.0 October 8, 2027, v24.0 February 18, 2028, v25.0 July 29, 2028, v26.0 not announced —
 * https://developers.facebook.com/docs/graph-api/changelog/versions/. v27.0 (November 4, 2026) is
 * not listed: its changes for new apps (no field aliases, no multi-id requests) apply to every
 * version, and the product already avoids both
 * (https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/).</li>
 * </ul>
 */
public final class SupportWindows {

    public static final int WARN_DAYS = 90;

    static final String SHOPIFY = "https://shopify.dev/docs/api/usage/versioning";
    static final String GRAPH = "https://developers.facebook.com/docs/graph-api/changelog/versions/";

    /** One version's published end of support (empty: not announced yet). */
    record Window(String platform, String version, Optional<LocalDate> supportedUntil, String source) {
    }

    private static final List<Window> TABLE = List.of(
            new Window("shopify", "2026-04", Optional.of(LocalDate.of(2027, 4, 1)), SHOPIFY),
            new Window("shopify", "2026-07", Optional.of(LocalDate.of(2027, 7, 1)), SHOPIFY),
            new Window("shopify", "2026-10", Optional.of(LocalDate.of(2027, 10, 1)), SHOPIFY),
            new Window("shopify", "2027-01", Optional.of(LocalDate.of(2028, 1, 1)), SHOPIFY),
            new Window("facebook", "v21.0", Optional.of(LocalDate.of(2027, 1, 21)), GRAPH),
            new Window("facebook", "v22.0", Optional.of(LocalDate.of(2027, 5, 20)), GRAPH),
            new Window("facebook", "v23.0", Optional.of(LocalDate.of(2027, 10, 8)), GRAPH),
            new Window("facebook", "v24.0", Optional.of(LocalDate.of(2028, 2, 18)), GRAPH),
            new Window("facebook", "v25.0", Optional.of(LocalDate.of(2028, 7, 29)), GRAPH),
            new Window("facebook", "v26.0", Optional.empty(), GRAPH));

    /** Where a configured version stands on {@code today}. */
    public enum Standing {
        /** More than {@value #WARN_DAYS} days left, or no end announced. */
        SUPPORTED,
        /** {@value #WARN_DAYS} days or fewer left: time to upgrade. */
        ENDING,
        /** Past its end: the platform falls forward (Shopify) or refuses the version (Meta). */
        ENDED,
        /** Not in this table: the dashboard cannot say. */
        UNKNOWN
    }

    /**
     * A configured version and its end of support.
     *
     * @param daysLeft days from today to the end (negative once past), or null without an end date
     */
    public record Status(String platform, String setting, String version, LocalDate supportedUntil, Long daysLeft,
                         Standing standing, String source) {

        public boolean warns() {
            return standing != Standing.SUPPORTED;
        }
    }

    private SupportWindows() {
    }

    /** Where {@code version} of {@code platform} ({@code shopify}, {@code facebook}), set by {@code setting}, stands on {@code today}. */
    public static Status of(String platform, String setting, String configured, LocalDate today) {
        String version = configured == null ? "" : configured;
        Optional<Window> window = TABLE.stream().filter(w -> w.platform().equals(platform) && w.version().equals(version)).findFirst();
        if (window.isEmpty()) {
            return new Status(platform, setting, version, null, null, Standing.UNKNOWN, platform.equals("shopify") ? SHOPIFY : GRAPH);
        }
        Window w = window.get();
        if (w.supportedUntil().isEmpty()) {
            return new Status(platform, setting, version, null, null, Standing.SUPPORTED, w.source());
        }
        LocalDate until = w.supportedUntil().get();
        long days = ChronoUnit.DAYS.between(today, until);
        Standing standing = days <= 0 ? Standing.ENDED : days <= WARN_DAYS ? Standing.ENDING : Standing.SUPPORTED;
        return new Status(platform, setting, version, until, days, standing, w.source());
    }
}

package dev.salesbot.sync.merchants.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 25: the configured versions' end of support, and the warning from 90 days before, on a fixed clock. */
class SupportWindowsTest {

    static LocalDate on(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void theDefaultsAreSupportedTodayWithTheirPublishedEnds() {
        LocalDate today = on("2026-12-07T12:00:00Z");

        SupportWindows.Status shopify = SupportWindows.of("shopify", "SHOPIFY_API_VERSION", "2026-10", today);
        SupportWindows.Status graph = SupportWindows.of("facebook", "FACEBOOK_GRAPH_API_VERSION", "v24.0", today);

        assertThat(shopify.standing()).isEqualTo(SupportWindows.Standing.SUPPORTED);
        assertThat(shopify.supportedUntil()).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(shopify.daysLeft()).isEqualTo(298);
        assertThat(shopify.source()).isEqualTo("https://shopify.dev/docs/api/usage/versioning");
        assertThat(graph.standing()).isEqualTo(SupportWindows.Standing.SUPPORTED);
        assertThat(graph.supportedUntil()).isEqualTo(LocalDate.of(2028, 2, 18));
        assertThat(graph.source()).contains("developers.facebook.com/docs/graph-api/changelog");
        assertThat(shopify.warns()).isFalse();
        assertThat(graph.warns()).isFalse();
    }

    @Test
    void warnsFromNinetyDaysBeforeTheEnd() {
        assertThat(SupportWindows.of("shopify", "SHOPIFY_API_VERSION", "2026-10", on("2027-07-02T23:59:59Z")).standing())
                .as("91 days left").isEqualTo(SupportWindows.Standing.SUPPORTED);
        SupportWindows.Status ninety = SupportWindows.of("shopify", "SHOPIFY_API_VERSION", "2026-10", on("2027-07-03T00:00:00Z"));
        assertThat(ninety.standing()).isEqualTo(SupportWindows.Standing.ENDING);
        assertThat(ninety.daysLeft()).isEqualTo(90);
        assertThat(ninety.warns()).isTrue();
        assertThat(SupportWindows.of("facebook", "FACEBOOK_GRAPH_API_VERSION", "v24.0", on("2027-11-20T08:00:00Z")).standing())
                .as("90 days before 2028-02-18").isEqualTo(SupportWindows.Standing.ENDING);
    }

    @Test
    void isEndedFromItsLastDayOn() {
        SupportWindows.Status ended = SupportWindows.of("shopify", "SHOPIFY_API_VERSION", "2026-10", on("2027-10-01T17:00:00Z"));

        assertThat(ended.standing()).isEqualTo(SupportWindows.Standing.ENDED);
        assertThat(ended.warns()).isTrue();
    }

    @Test
    void aVersionWithoutAnAnnouncedEndIsSupportedAndOneMissingFromTheTableIsUnknown() {
        LocalDate today = on("2026-12-07T12:00:00Z");

        assertThat(SupportWindows.of("facebook", "FACEBOOK_GRAPH_API_VERSION", "v26.0", today).standing())
                .isEqualTo(SupportWindows.Standing.SUPPORTED);
        SupportWindows.Status unknown = SupportWindows.of("shopify", "SHOPIFY_API_VERSION", "2024-01", today);
        assertThat(unknown.standing()).isEqualTo(SupportWindows.Standing.UNKNOWN);
        assertThat(unknown.warns()).isTrue();
    }
}

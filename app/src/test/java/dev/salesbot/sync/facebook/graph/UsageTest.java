package dev.salesbot.sync.facebook.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageTest {

    @Test
    void takesTheHighestFigureOfTheAppUsageHeader() {
        Usage usage = Usage.of("{\"call_count\":12,\"total_cputime\":85,\"total_time\":40}", null);
        assertThat(usage.percent()).isEqualTo(85);
        assertThat(usage.minutesToRegainAccess()).isZero();
    }

    @Test
    void takesTheBusiestPageOfTheBusinessUseCaseHeader() {
        String buc = "{\"101368371725791\":[{\"type\":\"pages\",\"call_count\":20,\"total_cputime\":5,\"total_time\":10,"
                + "\"estimated_time_to_regain_access\":0}],"
                + "\"101368379645128\":[{\"type\":\"pages\",\"call_count\":92,\"total_cputime\":23,\"total_time\":46,"
                + "\"estimated_time_to_regain_access\":0}]}";
        assertThat(Usage.of("{\"call_count\":30}", buc).percent()).isEqualTo(92);
    }

    @Test
    void readsTheAnnouncedTimeToRegainAccess() {
        String buc = "{\"1\":[{\"type\":\"pages\",\"call_count\":100,\"estimated_time_to_regain_access\":17}]}";
        assertThat(Usage.of(null, buc)).isEqualTo(new Usage(100, 17));
    }

    @Test
    void countsMissingOrMalformedHeadersAsNoUsage() {
        assertThat(Usage.of(null, null)).isEqualTo(Usage.NONE);
        assertThat(Usage.of("", " ")).isEqualTo(Usage.NONE);
        assertThat(Usage.of("not json", "[1,2]")).isEqualTo(Usage.NONE);
        assertThat(Usage.of("{\"call_count\":\"high\"}", "{\"1\":\"x\"}")).isEqualTo(Usage.NONE);
    }

    @Test
    void capsPercentagesAtOneHundred() {
        assertThat(Usage.of("{\"call_count\":250}", null).percent()).isEqualTo(100);
    }
}

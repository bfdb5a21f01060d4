package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.merchants.control.PlatformNotices;
import dev.salesbot.sync.monitoring.control.Meters;
import dev.salesbot.sync.testing.FakeClock;
import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: an Admin API answer in another version than asked for (Shopify "falls forward" from a
 * version it no longer supports) is counted, logged once a day and shown to the operators.
 */
class AnsweredVersionsTest {

    static final String ASKED = ShopifyApp.DEFAULT_API_VERSION;
    static final String NEXT = "2027-01";

    final FakeClock clock = new FakeClock();
    final Meters meters = Meters.inMemory();
    final RecordingNotices notices = new RecordingNotices();
    final List<LogRecord> warnings = new ArrayList<>();
    final Logger logger = Logger.getLogger(AnsweredVersions.class.getName());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    AnsweredVersions versions;

    @BeforeEach
    void watch() {
        logger.addHandler(capture);
        versions = new AnsweredVersions(meters, notices, clock);
    }

    @AfterEach
    void stopCapturing() {
        logger.removeHandler(capture);
    }

    @Test
    void answersInTheAskedVersionAreNotCounted() {
        versions.answered(ASKED, ASKED);
        versions.answered(ASKED, ASKED);

        assertThat(meters.registry().find("salesbot.shopify.api.version.fallforward").counters()).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(notices.raised).isEmpty();
    }

    @Test
    void everyFallForwardIsCountedWithBothVersionsAsTags() {
        versions.answered(ASKED, NEXT);
        versions.answered(ASKED, NEXT);
        versions.answered(ASKED, NEXT);

        Counter counter = meters.registry().get("salesbot.shopify.api.version.fallforward")
                .tag("requested", ASKED).tag("answered", NEXT).counter();
        assertThat(counter.count()).isEqualTo(3);
    }

    @Test
    void aFallForwardIsLoggedOnceADayAndRaisedAsANotice() {
        for (int i = 0; i < 50; i++) {
            versions.answered(ASKED, NEXT);
            clock.sleeper().sleep(Duration.ofMinutes(20));
        }
        // 50 answers over 16 h 40 min: one line.
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage()).contains("fell forward"));
        assertThat(notices.raised).singleElement().satisfies(n -> {
            assertThat(n.getKey()).isEqualTo(AnsweredVersions.NOTICE);
            assertThat(n.getValue()).contains(ASKED, NEXT, "SHOPIFY_API_VERSION", "upgrade salesbot-sync");
        });

        clock.sleeper().sleep(Duration.ofHours(8));
        versions.answered(ASKED, NEXT);

        assertThat(warnings).as("a day after the first line").hasSize(2);
        assertThat(notices.raised).as("renewed with it").hasSize(2);
    }

    @Test
    void theNextAnswerInTheAskedVersionClearsTheNotice() {
        versions.answered(ASKED, NEXT);
        versions.answered(ASKED, ASKED);
        versions.answered(ASKED, ASKED);

        assertThat(notices.cleared).as("once, not at every answer").containsExactly(AnsweredVersions.NOTICE);

        versions.answered(ASKED, NEXT);
        assertThat(notices.raised).as("raised again at once, though logged today already").hasSize(2);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aServerStartingInTheAskedVersionClearsANoticeAnEarlierProcessLeft() {
        versions.answered(ASKED, ASKED);
        versions.answered(ASKED, ASKED);

        assertThat(notices.cleared).containsExactly(AnsweredVersions.NOTICE);
    }

    @Test
    void anAnswerWithoutAVersionShapedHeaderIsIgnored() {
        versions.answered(ASKED, null);
        versions.answered(ASKED, "2027-01\r\nX-Injected: yes");
        versions.answered(ASKED, "<script>");

        assertThat(meters.registry().find("salesbot.shopify.api.version.fallforward").counters()).isEmpty();
        assertThat(notices.raised).isEmpty();
        assertThat(notices.cleared).isEmpty();
    }

    /** {@link PlatformNotices} that records what is raised and cleared, with no database. */
    static final class RecordingNotices extends PlatformNotices {

        final List<Map.Entry<String, String>> raised = new ArrayList<>();
        final List<String> cleared = new ArrayList<>();
        private final Map<String, Notice> current = new LinkedHashMap<>();

        @Override
        public void raise(String name, String message, Duration retryAfter) {
            raised.add(Map.entry(name, message));
            current.put(name, new Notice(name, message, Instant.EPOCH, Instant.EPOCH.plus(retryAfter)));
        }

        @Override
        public void clear(String name) {
            cleared.add(name);
            current.remove(name);
        }

        @Override
        public List<Notice> all() {
            return List.copyOf(current.values());
        }
    }
}

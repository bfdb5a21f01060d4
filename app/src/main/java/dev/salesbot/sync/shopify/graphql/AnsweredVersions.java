package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.merchants.control.PlatformNotices;
import dev.salesbot.sync.monitoring.control.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Compares the version every Admin API answer was executed in ({@code X-Shopify-API-Version})
 * with the one asked for. Shopify does not refuse a version it no longer supports: it "falls
 * forward" and answers as the oldest supported stable version, and the header is the only sign
 * ("If the returned version is different, then your app is out of date",
 * https://shopify.dev/docs/api/usage/versioning,
 * https://shopify.dev/tutorials/update-your-app-to-a-new-api-version). A fall-forward is counted
 * on every answer ({@link Meters#shopifyVersionFellForward}), logged as a WARNING at most once a
 * day per pair of versions on each server, and raised as the operators' notice
 * {@value #NOTICE} ({@link PlatformNotices}, shown on the dashboard); the first answer in the
 * asked version after it (or after a start, for a notice an earlier process left) clears it.
 * Nothing else changes: the sync goes on with the answer, which is what Shopify serves.
 */
@ApplicationScoped
public class AnsweredVersions {

    /** The operators' notice while Shopify answers in another version. */
    public static final String NOTICE = "shopify-api-version";

    static final Duration LOG_EVERY = Duration.ofDays(1);
    // Only a version-shaped header is repeated in a log line, a tag or a notice.
    private static final Pattern HEADER = Pattern.compile("^(?:[0-9]{4}-[0-9]{2}|unstable)$");
    private static final System.Logger LOGGER = System.getLogger(AnsweredVersions.class.getName());

    @Inject
    Meters meters;

    @Inject
    PlatformNotices notices;

    Clock clock = Clock.systemUTC();

    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();
    private final AtomicBoolean raised = new AtomicBoolean();
    private final AtomicBoolean clearedSinceStart = new AtomicBoolean();

    public AnsweredVersions() {
        // for CDI
    }

    AnsweredVersions(Meters meters, PlatformNotices notices, Clock clock) {
        this.meters = meters;
        this.notices = notices;
        this.clock = clock;
    }

    /** One answer to a request for {@code requested}, whose header said {@code answered} (null when absent). */
    public void answered(String requested, String answered) {
        if (answered == null || !HEADER.matcher(answered.trim()).matches()) {
            return;
        }
        String version = answered.trim();
        if (version.equals(requested)) {
            // Both flags are updated whatever the first says (no short circuit).
            if (raised.getAndSet(false) | !clearedSinceStart.getAndSet(true)) {
                notices.clear(NOTICE);
            }
            return;
        }
        meters.shopifyVersionFellForward(requested, version);
        Instant now = clock.instant();
        AtomicBoolean due = new AtomicBoolean();
        lastLogged.compute(requested + " " + version, (pair, last) -> {
            if (last == null || !now.isBefore(last.plus(LOG_EVERY))) {
                due.set(true);
                return now;
            }
            return last;
        });
        boolean logDue = due.get();
        if (logDue) {
            LOGGER.log(System.Logger.Level.WARNING, "Shopify answered Admin API version {0} to a request for {1}: {1} is no "
                    + "longer supported and Shopify fell forward. Upgrade salesbot-sync to a release made for a supported "
                    + "version, then set SHOPIFY_API_VERSION to it (logged once a day while it lasts).", version, requested);
        }
        if (logDue || !raised.getAndSet(true)) {
            raised.set(true);
            clearedSinceStart.set(false);
            notices.raise(NOTICE, message(requested, version), Duration.ZERO);
        }
    }

    static String message(String requested, String answered) {
        return "Shopify answers Admin API version " + answered + " to this app's requests for " + requested
                + " (SHOPIFY_API_VERSION): " + requested + " is no longer supported, and Shopify serves the oldest supported "
                + "version instead. The product's queries were written and tested for " + requested + ": upgrade salesbot-sync "
                + "to a release made for a supported version, then set SHOPIFY_API_VERSION to the version it names.";
    }
}

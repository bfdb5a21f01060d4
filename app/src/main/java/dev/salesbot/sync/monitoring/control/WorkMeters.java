package dev.salesbot.sync.monitoring.control;

import dev.salesbot.sync.merchants.control.ConnectionPlatform;
import dev.salesbot.sync.merchants.control.ConnectionPlatforms;
import dev.salesbot.sync.merchants.control.SupportWindows;
import dev.salesbot.sync.merchants.control.TokenKeys;
import dev.salesbot.sync.queue.control.SyncAttempt;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.storage.control.S3RequestCounter;
import dev.salesbot.sync.storage.control.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.ToLongFunction;

/**
 * The sync engine's meters: each run's kind, result and duration (from {@link SyncAttempt}), the
 * storage requests, the queue's depth and oldest due request, and the days left of each configured
 * platform API version's support. The queue is read from the
 * database at most every {@value #QUEUE_READ_SECONDS} s however often the meters are scraped.
 */
@ApplicationScoped
public class WorkMeters {

    static final int QUEUE_READ_SECONDS = 5;
    private static final System.Logger LOGGER = System.getLogger(WorkMeters.class.getName());

    @Inject
    Meters meters;

    @Inject
    SnapshotStore store;

    @Inject
    SyncRequests requests;

    @Inject
    TokenKeys tokenKeys;

    @Inject
    ConnectionPlatforms platforms;

    private volatile SyncRequests.Queue queue;
    private volatile Instant queueReadAt = Instant.EPOCH;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        storage("HEAD", S3RequestCounter.Counts::heads);
        storage("PUT", S3RequestCounter.Counts::puts);
        storage("GET", S3RequestCounter.Counts::gets);
        meters.gauge("salesbot.sync.queue.pending", "Sync requests not yet done", "requests", this, m -> m.queue().pending());
        meters.gauge("salesbot.sync.queue.retrying", "Pending sync requests whose last attempt failed", "requests", this,
                m -> m.queue().retrying());
        meters.gauge("salesbot.sync.queue.oldest.due", "How long the oldest due sync request has waited", "seconds", this,
                m -> age(m.queue().oldestDueSince()));
        meters.gauge("salesbot.tokens.sealed.older", "Stored tokens still sealed under an older key (sealed again within a minute)",
                null, this, m -> m.tokens().olderKeys());
        meters.gauge("salesbot.tokens.sealed.unreadable", "Stored tokens no configured key opens (check TOKEN_ENCRYPTION_KEY)",
                null, this, m -> m.tokens().unreadable());
        for (ConnectionPlatform platform : platforms.all()) {
            String name = platform.description().name();
            ConnectionPlatform.ApiVersion configured = platform.apiVersion();
            if (configured.version() != null) {
                meters.apiVersionSupport(name, configured.version(), () -> SupportWindows.of(name, configured.setting(),
                        configured.version(), java.time.LocalDate.now(java.time.ZoneOffset.UTC)).daysLeft());
            }
        }
    }

    void attempted(@Observes SyncAttempt attempt) {
        meters.sync(attempt.kind().name(), attempt.result().name(), attempt.took());
    }

    private void storage(String method, ToLongFunction<S3RequestCounter.Counts> count) {
        meters.storageRequests(store, method, s -> count.applyAsLong(s.requestCounts()));
    }

    private SyncRequests.Queue queue() {
        Instant now = Instant.now();
        if (queue == null || now.isAfter(queueReadAt.plusSeconds(QUEUE_READ_SECONDS))) {
            try {
                queue = requests.queue();
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "Queue figures unavailable: {0}", e.toString());
                if (queue == null) {
                    return new SyncRequests.Queue(0, 0, 0, null, null);
                }
            }
            queueReadAt = now;
        }
        return queue;
    }

    private TokenKeys.Census tokens() {
        try {
            return tokenKeys.census();
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Token figures unavailable: {0}", e.toString());
            return new TokenKeys.Census(0, 0, 0, Instant.now());
        }
    }

    private static double age(OffsetDateTime since) {
        return since == null ? 0 : Math.max(0, Duration.between(since.toInstant(), Instant.now()).toMillis() / 1000d);
    }
}

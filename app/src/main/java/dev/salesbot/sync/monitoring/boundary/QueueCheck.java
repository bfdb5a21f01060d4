package dev.salesbot.sync.monitoring.boundary;

import dev.salesbot.sync.queue.control.SyncRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Readiness {@code sync-queue}: no request has been due (its {@code notBefore} passed) for longer
 * than {@code HEALTH_QUEUE_MAX_AGE_MINUTES} (default 30) without being run. A request retried with
 * backoff is not stuck: each retry moves its {@code notBefore}. Data: {@code oldestDueSeconds},
 * {@code pending}, {@code retrying}, {@code maxAgeMinutes}.
 */
@Readiness
@ApplicationScoped
public class QueueCheck implements HealthCheck {

    @Inject
    SyncRequests requests;

    @Inject
    @ConfigProperty(name = "HEALTH_QUEUE_MAX_AGE_MINUTES", defaultValue = "30")
    int maxAgeMinutes;

    @Override
    public HealthCheckResponse call() {
        try {
            SyncRequests.Queue queue = requests.queue();
            OffsetDateTime oldest = queue.oldestDueSince();
            long waited = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toSeconds());
            return HealthCheckResponse.named("sync-queue").status(waited <= Duration.ofMinutes(maxAgeMinutes).toSeconds())
                    .withData("oldestDueSeconds", waited).withData("pending", queue.pending())
                    .withData("retrying", queue.retrying()).withData("maxAgeMinutes", maxAgeMinutes).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("sync-queue").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}

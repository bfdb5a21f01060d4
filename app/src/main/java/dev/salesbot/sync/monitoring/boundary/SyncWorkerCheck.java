package dev.salesbot.sync.monitoring.boundary;

import dev.salesbot.sync.queue.control.SyncWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * Readiness {@code sync-worker} (and liveness, through {@link SyncWorkerLiveness}): the worker looked for due work within the last
 * {@value #SILENCE_SECONDS} s (it looks every second; data: {@code secondsSinceLastLook}). Before
 * its first look, in the first second after deployment, it counts as alive.
 */
@Readiness
@ApplicationScoped
public class SyncWorkerCheck implements HealthCheck {

    static final long SILENCE_SECONDS = 60;

    @Inject
    SyncWorker worker;

    @Override
    public HealthCheckResponse call() {
        return of(worker);
    }

    static HealthCheckResponse of(SyncWorker worker) {
        long silent = worker.lastTick().map(t -> Duration.between(t, Instant.now()).toSeconds()).orElse(0L);
        return HealthCheckResponse.named("sync-worker").status(silent <= SILENCE_SECONDS)
                .withData("secondsSinceLastLook", silent).build();
    }
}

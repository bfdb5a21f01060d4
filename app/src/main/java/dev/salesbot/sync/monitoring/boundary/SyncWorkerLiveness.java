package dev.salesbot.sync.monitoring.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness {@code sync-worker}: the same check as readiness's. A worker that stopped looking for
 * work is what a restart fixes; the other checks (database, storage, queue) are outside this
 * process, and a restart would not. A class of its own: a bean with both qualifiers is served
 * under one of them only on Payara.
 */
@Liveness
@ApplicationScoped
public class SyncWorkerLiveness implements HealthCheck {

    @Inject
    dev.salesbot.sync.queue.control.SyncWorker worker;

    @Override
    public HealthCheckResponse call() {
        return SyncWorkerCheck.of(worker);
    }
}

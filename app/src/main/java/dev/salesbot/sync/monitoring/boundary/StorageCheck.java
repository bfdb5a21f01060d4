package dev.salesbot.sync.monitoring.boundary;

import dev.salesbot.sync.storage.control.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code storage}: the bucket answers a HEAD, or the local directory can be written
 * (data: {@code store}, and {@code error} when down: a plain reason, no endpoint or key).
 */
@Readiness
@ApplicationScoped
public class StorageCheck implements HealthCheck {

    @Inject
    SnapshotStore store;

    @Override
    public HealthCheckResponse call() {
        String where = store.where();
        try {
            store.probe();
            return HealthCheckResponse.named("storage").up().withData("store", where).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("storage").down().withData("store", where).withData("error", e.getMessage()).build();
        }
    }
}

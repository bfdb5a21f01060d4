package dev.salesbot.sync.monitoring.boundary;

import dev.salesbot.sync.config.StartupState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code startup}: the database schema is this version's and no start-up check refuses;
 * its data says why not ({@code reason}), e.g. the changeset that failed.
 */
@Readiness
@ApplicationScoped
public class StartupCheck implements HealthCheck {

    @Inject
    StartupState startup;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("startup").status(startup.ready()).withData("schemaMigrated", startup.isMigrated());
        if (!startup.reasons().isEmpty()) {
            response.withData("reason", String.join(" ", startup.reasons()));
        }
        return response.build();
    }
}

package dev.salesbot.sync.monitoring.boundary;

import dev.salesbot.sync.merchants.control.TokenKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code tokens}: DOWN while any stored token is unreadable (no configured key opens it:
 * the operator's {@code TOKEN_ENCRYPTION_KEY} is wrong or an old key was dropped too soon); data:
 * {@code currentKey}, {@code olderKeys}, {@code unreadable}. The syncs of those connections wait,
 * and resume by themselves once the right key is configured.
 */
@Readiness
@ApplicationScoped
public class TokenCheck implements HealthCheck {

    @Inject
    TokenKeys keys;

    @Override
    public HealthCheckResponse call() {
        try {
            TokenKeys.Census census = keys.census();
            return HealthCheckResponse.named("tokens").status(census.unreadable() == 0)
                    .withData("currentKey", census.currentKey()).withData("olderKeys", census.olderKeys())
                    .withData("unreadable", census.unreadable()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("tokens").down().withData("error", "the stored tokens could not be read").build();
        }
    }
}

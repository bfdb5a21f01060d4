package dev.salesbot.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hides every sandbox resource (404) unless {@code SANDBOX_ENABLED=true}. */
@Provider
@PreMatching
public class SandboxGate implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "SANDBOX_ENABLED", defaultValue = "false")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!enabled && request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("sandbox/")) {
            throw new NotFoundException();
        }
    }
}

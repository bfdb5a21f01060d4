package dev.salesbot.sandbox;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The sandbox's resources at the root of its own WAR, which is deployed at {@code /sandbox}
 * beside the product ({@code sandbox.war}): {@code /sandbox/shopify/…} and {@code /sandbox/facebook/…}.
 */
@ApplicationPath("/")
public class SandboxApplication extends Application {
}

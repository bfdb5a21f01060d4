package dev.salesbot.sync;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * One JAX-RS application at the root: the start page, the connect flows, webhooks, the admin API
 * and (when enabled) the sandbox are all resources, so no static file is shadowed.
 */
@ApplicationPath("/")
public class SalesbotApplication extends Application {
}

package dev.salesbot.sync;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * One JAX-RS application at the root: the start page and the Shopify and Facebook connect flows
 * are its resources. (The simulated platforms are another WAR, deployed beside this one only by
 * the run command and the tests.)
 */
@ApplicationPath("/")
public class SalesbotApplication extends Application {
}

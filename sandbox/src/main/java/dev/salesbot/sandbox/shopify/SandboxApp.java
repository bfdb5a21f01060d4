package dev.salesbot.sandbox.shopify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one app the sandbox's Shopify knows (its client id and secret) and which store names exist:
 * what its OAuth endpoints and its store admin's <em>Open app</em> both check.
 */
@ApplicationScoped
public class SandboxApp {

    private static final Pattern SHOP = Pattern.compile("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$");

    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_API_KEY", defaultValue = "sandbox-shopify-app")
    String apiKey;

    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_API_SECRET", defaultValue = "sandbox-shopify-secret-not-for-production")
    String apiSecret;

    /**
     * Store names that do not exist. Shopify answers a myshopify.com address that no store has with
     * 404 and "Sorry, this shop is currently unavailable." (quoted from a merchant's report,
     * https://github.com/christophergregory/shopify-node-api/issues/37); every other sandbox name
     * is a store, created on first use.
     */
    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_UNAVAILABLE_SHOPS", defaultValue = "no-such-store")
    List<String> unavailableShops;

    public String apiKey() {
        return apiKey;
    }

    public String apiSecret() {
        return apiSecret;
    }

    /** Whether {@code shop} is a myshopify.com name at all. */
    public boolean wellFormed(String shop) {
        return SHOP.matcher(shop).matches();
    }

    /** Whether a store answers at {@code shop}: a well-formed name that is not one of the unavailable ones. */
    public boolean exists(String shop) {
        return wellFormed(shop) && unavailableShops.stream().noneMatch(name -> shop.equals(name + ".myshopify.com"));
    }
}

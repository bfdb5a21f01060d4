package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.config.RequiredSetting;
import dev.salesbot.sync.config.Settings;
import dev.salesbot.sync.config.StartupState;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * This app's registration with Shopify, from configuration. Secrets are read when first needed
 * and fail with {@link RequiredSetting} naming the variable; there are no defaults for them.
 * {@code SHOPIFY_API_VERSION} goes into every Admin API URL: it is checked at start, and a value
 * that is not one of Shopify's quarterly versions keeps the server out of service (readiness DOWN
 * naming it) rather than sending requests Shopify would answer 404.
 */
@ApplicationScoped
public class ShopifyApp {

    public static final String DEFAULT_SCOPES = "read_products,read_product_listings,read_inventory,read_discounts,read_locations";

    /** The Admin API version asked for, and the version of the webhooks this app subscribes, unless configured. */
    public static final String DEFAULT_API_VERSION = "2026-10";

    /**
     * Shopify's version names: a quarter's {@code YYYY-MM} (January, April, July, October) or
     * {@code unstable} (https://shopify.dev/docs/api/usage/versioning). Anchored: the value goes
     * into a URL path.
     */
    public static final Pattern API_VERSION = Pattern.compile("^(?:[0-9]{4}-(?:01|04|07|10)|unstable)$");

    private static final System.Logger LOGGER = System.getLogger(ShopifyApp.class.getName());

    @Inject
    @ConfigProperty(name = "SHOPIFY_API_KEY")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "SHOPIFY_API_SECRET")
    Optional<String> apiSecret;

    @Inject
    @ConfigProperty(name = "SHOPIFY_REDIRECT_URI")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "SHOPIFY_API_SECRET_PREVIOUS")
    Optional<String> apiSecretPrevious;

    @Inject
    @ConfigProperty(name = "SHOPIFY_WEBHOOK_ADDRESS")
    Optional<String> webhookAddress;

    @Inject
    @ConfigProperty(name = "SHOPIFY_SCOPES", defaultValue = DEFAULT_SCOPES)
    String scopes;

    @Inject
    @ConfigProperty(name = "SHOPIFY_API_VERSION", defaultValue = DEFAULT_API_VERSION)
    String apiVersion;

    @Inject
    @ConfigProperty(name = "SHOPIFY_SHOP_BASE_URL", defaultValue = "https://{shop}")
    String shopBaseUrl;

    public String apiKey() {
        return Settings.required(apiKey, "SHOPIFY_API_KEY", "the app's client id from the Shopify Partner dashboard");
    }

    public String apiSecret() {
        return Settings.required(apiSecret, "SHOPIFY_API_SECRET", "the app's client secret from the Shopify Partner dashboard");
    }

    /** The secret being rotated out: webhooks signed with it are still accepted while Shopify switches. */
    public Optional<String> apiSecretPrevious() {
        return Settings.present(apiSecretPrevious);
    }

    /** This server's {@code /shopify/webhook} URL as Shopify reaches it; webhooks are not registered without it. */
    public Optional<String> webhookAddress() {
        return Settings.present(webhookAddress);
    }

    public String redirectUri() {
        return Settings.required(redirectUri, "SHOPIFY_REDIRECT_URI", "this server's /shopify/callback URL, as allowed in the app's settings");
    }

    public String scopes() {
        return scopes;
    }

    /** The Admin API version every request asks for ({@code SHOPIFY_API_VERSION}), checked by {@link #API_VERSION}. */
    public String apiVersion() {
        if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
            throw new RequiredSetting("SHOPIFY_API_VERSION", "a Shopify API version such as " + DEFAULT_API_VERSION);
        }
        return apiVersion;
    }

    /** {@code SHOPIFY_API_VERSION} as configured, unchecked: for the dashboard, which shows even a malformed one. */
    public String configuredApiVersion() {
        return apiVersion;
    }

    /** At start: a malformed {@code SHOPIFY_API_VERSION} keeps the server out of service, naming the setting. */
    void checkApiVersion(@Observes @Initialized(ApplicationScoped.class) Object started, StartupState startup) {
        try {
            apiVersion();
        } catch (RequiredSetting e) {
            LOGGER.log(System.Logger.Level.ERROR, e.getMessage() + " The server stays out of service until it is corrected.");
            startup.refuse("shopify-api-version", e.getMessage());
        }
    }

    /** The shop's base URL: {@code SHOPIFY_SHOP_BASE_URL} with {@code {shop}} replaced. */
    public URI baseUri(ShopDomain shop) {
        if (!shopBaseUrl.contains("{shop}")) {
            throw new RequiredSetting("SHOPIFY_SHOP_BASE_URL", "a URL template containing {shop}, e.g. https://{shop}");
        }
        return URI.create(shopBaseUrl.replace("{shop}", shop.value()));
    }
}

package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.config.RequiredSetting;
import dev.salesbot.sync.config.Settings;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * This app's registration with Shopify, from configuration. Secrets are read when first needed
 * and fail with {@link RequiredSetting} naming the variable; there are no defaults for them.
 */
@ApplicationScoped
public class ShopifyApp {

    public static final String DEFAULT_SCOPES = "read_products,read_product_listings,read_inventory,read_discounts,read_locations";

    /** The Admin API version asked for, and the version of the webhooks this app subscribes, unless configured. */
    public static final String DEFAULT_API_VERSION = "2026-10";

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

    public String apiVersion() {
        return apiVersion;
    }

    /** The shop's base URL: {@code SHOPIFY_SHOP_BASE_URL} with {@code {shop}} replaced. */
    public URI baseUri(ShopDomain shop) {
        if (!shopBaseUrl.contains("{shop}")) {
            throw new RequiredSetting("SHOPIFY_SHOP_BASE_URL", "a URL template containing {shop}, e.g. https://{shop}");
        }
        return URI.create(shopBaseUrl.replace("{shop}", shop.value()));
    }
}

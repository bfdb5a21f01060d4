package dev.salesbot.sync.shopify.graphql;

import java.util.Optional;

/** {@link ShopifyApp} as a unit test configures it (a server injects its fields from configuration). */
public final class ShopifyApps {

    private ShopifyApps() {
    }

    /** The app with a client secret and, while it is rotated, the previous one (null for none). */
    public static ShopifyApp withSecrets(String secret, String previous) {
        ShopifyApp app = new ShopifyApp();
        app.apiSecret = Optional.ofNullable(secret);
        app.apiSecretPrevious = Optional.ofNullable(previous);
        return app;
    }

    /** The app whose webhooks point at {@code address} (null: not configured). */
    public static ShopifyApp withWebhookAddress(String address) {
        ShopifyApp app = new ShopifyApp();
        app.webhookAddress = Optional.ofNullable(address);
        return app;
    }
}

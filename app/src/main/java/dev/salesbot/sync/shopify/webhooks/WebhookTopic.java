package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.shopify.bulk.BulkCatalogFetch;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Shopify webhook topics this app listens to, with the {@code X-Shopify-Topic} header form of
 * each ({@code PRODUCTS_UPDATE} ↔ {@code products/update}). The catalog topics and
 * {@code app/uninstalled} are subscribed through the Admin API at every full sync; the three
 * privacy topics cannot be (they are not in the Admin API's {@code WebhookSubscriptionTopic}): they
 * are declared in the repository's {@code shopify.app.toml} ({@code [[webhooks.subscriptions]]} with
 * {@code compliance_topics}, https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance)
 * and arrive at the same endpoint.
 */
public enum WebhookTopic {
    PRODUCTS_CREATE("products/create", true),
    PRODUCTS_UPDATE("products/update", true),
    PRODUCTS_DELETE("products/delete", true),
    INVENTORY_LEVELS_UPDATE("inventory_levels/update", true),
    COLLECTIONS_CREATE("collections/create", true),
    COLLECTIONS_UPDATE("collections/update", true),
    COLLECTIONS_DELETE("collections/delete", true),
    DISCOUNTS_CREATE("discounts/create", true),
    DISCOUNTS_UPDATE("discounts/update", true),
    DISCOUNTS_DELETE("discounts/delete", true),
    DISCOUNTS_REDEEMCODE_ADDED("discounts/redeemcode_added", true),
    DISCOUNTS_REDEEMCODE_REMOVED("discounts/redeemcode_removed", true),
    SHOP_UPDATE("shop/update", true),
    APP_UNINSTALLED("app/uninstalled", true),
    /** A bulk operation ended: wakes the full sync waiting for it ({@link BulkCatalogFetch}). */
    BULK_OPERATIONS_FINISH("bulk_operations/finish", true),
    CUSTOMERS_DATA_REQUEST("customers/data_request", false),
    CUSTOMERS_REDACT("customers/redact", false),
    SHOP_REDACT("shop/redact", false);

    private final String header;
    private final boolean subscribed;

    WebhookTopic(String header, boolean subscribed) {
        this.header = header;
        this.subscribed = subscribed;
    }

    /**
     * The body field that names the shop, for the topics whose body must name the shop of
     * {@code X-Shopify-Shop-Domain} (lifecycle and privacy: what they change is the whole store).
     * Exhaustive, so a new topic says whether its body is checked.
     */
    public Optional<String> shopField() {
        return switch (this) {
            case APP_UNINSTALLED -> Optional.of("myshopify_domain");
            case SHOP_REDACT, CUSTOMERS_DATA_REQUEST, CUSTOMERS_REDACT -> Optional.of("shop_domain");
            case PRODUCTS_CREATE, PRODUCTS_UPDATE, PRODUCTS_DELETE, INVENTORY_LEVELS_UPDATE, COLLECTIONS_CREATE,
                 COLLECTIONS_UPDATE, COLLECTIONS_DELETE, DISCOUNTS_CREATE, DISCOUNTS_UPDATE, DISCOUNTS_DELETE,
                 DISCOUNTS_REDEEMCODE_ADDED, DISCOUNTS_REDEEMCODE_REMOVED, SHOP_UPDATE, BULK_OPERATIONS_FINISH -> Optional.empty();
        };
    }

    /** The form of {@code X-Shopify-Topic} and of the seed's log lines. */
    public String header() {
        return header;
    }

    /** The topics subscribed through {@code webhookSubscriptionCreate}. */
    public static List<WebhookTopic> subscribed() {
        return Arrays.stream(values()).filter(t -> t.subscribed).toList();
    }

    public static Optional<WebhookTopic> fromHeader(String header) {
        return Arrays.stream(values()).filter(t -> t.header.equals(header)).findFirst();
    }

    public static Optional<WebhookTopic> fromName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}

package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ConnectionStatus;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.shopify.bulk.BulkOperationRows;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.webhooks.control.Deliveries;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Records a verified Shopify webhook in one transaction with its delivery id, so a repeat does
 * nothing: a catalog change becomes a pending partial sync due after the quiet window
 * ({@code WEBHOOK_QUIET_SECONDS}); {@code app/uninstalled} deletes the store's tokens at once and
 * ends its pending work; {@code shop/redact} becomes a durable redaction; the customer topics are
 * logged (the app holds no customer data). A delivery for a store that is unknown or uninstalled is
 * dropped — and still answered 200, because Shopify removes subscriptions that keep failing.
 */
@ApplicationScoped
public class WebhookRecorder {

    private static final System.Logger LOGGER = System.getLogger(WebhookRecorder.class.getName());
    static final String PLATFORM = "shopify";

    @Inject
    Deliveries deliveries;

    @Inject
    StoreConnections connections;

    @Inject
    Syncs syncs;

    @Inject
    SyncRequests requests;

    @Inject
    BulkOperationRows bulkOperations;

    @Inject
    @ConfigProperty(name = "WEBHOOK_QUIET_SECONDS", defaultValue = "2")
    int quietSeconds;

    boolean seen(String webhookId) {
        return deliveries.seen(PLATFORM + ":" + webhookId);
    }

    @Transactional
    public Receipt record(ShopDomain shop, WebhookTopic topic, String webhookId, JsonObject body) {
        String id = PLATFORM + ":" + webhookId;
        if (deliveries.seen(id)) {
            LOGGER.log(System.Logger.Level.DEBUG, "Duplicate {0} webhook {1} from {2}: nothing to do", topic.header(), webhookId, shop);
            return Receipt.DUPLICATE;
        }
        boolean customerPrivacy = topic == WebhookTopic.CUSTOMERS_DATA_REQUEST || topic == WebhookTopic.CUSTOMERS_REDACT;
        // Read before anything is persisted: a query after a persist makes the provider compute the
        // transaction's changes first (with EclipseLink, most of this method's allocations).
        Optional<ShopifyConnection> connection = customerPrivacy ? Optional.empty() : connections.findShop(shop.value());
        deliveries.remember(id, PLATFORM, shop.value(), topic.header());
        // DEBUG, not INFO: at hundreds of deliveries a second a line each would cost more than the receipt
        // itself; each sync logs what it applied ("Updated data in … via <topics>").
        LOGGER.log(System.Logger.Level.DEBUG, "Received {0} event from {1}", topic.header(), shop);
        if (customerPrivacy) {
            LOGGER.log(System.Logger.Level.INFO, "Privacy request {0} for {1} (request {2}): this app holds no customer data",
                    topic.header(), shop, requestId(body));
            return Receipt.RECORDED;
        }
        if (topic == WebhookTopic.SHOP_REDACT) {
            if (connection.isEmpty()) {
                return dropped(shop, topic);
            }
            syncs.enqueue(SyncKind.SHOPIFY_REDACT, shop.value(), connection.get().merchantId());
            return Receipt.RECORDED;
        }
        if (connection.isEmpty() || connection.get().status() == ConnectionStatus.UNINSTALLED) {
            return dropped(shop, topic);
        }
        if (topic == WebhookTopic.BULK_OPERATIONS_FINISH) {
            // Recorded for the sync that waits (on any server); nothing to fetch by itself.
            String operation = body.get("admin_graphql_api_id") instanceof jakarta.json.JsonString gid ? gid.getString() : "";
            String status = body.get("status") instanceof jakarta.json.JsonString s ? s.getString() : "";
            boolean ours = operation.matches("^gid://shopify/BulkOperation/[0-9]{1,20}$")
                    && status.matches("^[a-z_]{1,16}$") && bulkOperations.finished(operation, status);
            LOGGER.log(System.Logger.Level.INFO, ours ? "Bulk operation {0} of {1} finished: {2}"
                    : "A bulk_operations/finish webhook from {1} for no operation a sync waits for ({0}, {2})", operation, shop, status);
            return ours ? Receipt.RECORDED : Receipt.IGNORED;
        }
        if (topic == WebhookTopic.APP_UNINSTALLED) {
            connections.uninstall(shop.value());
            int ended = requests.abandonPendingOf(shop.value(), "The app was uninstalled from the store.");
            LOGGER.log(System.Logger.Level.INFO, "App uninstalled from {0}: its tokens are deleted, {1} pending sync(s) ended",
                    shop, ended);
            return Receipt.RECORDED;
        }
        Optional<String> change = ChangeSet.payload(topic, body);
        if (change.isEmpty()) {
            LOGGER.log(System.Logger.Level.INFO, "A {0} webhook from {1} named nothing to fetch", topic.header(), shop);
            return Receipt.IGNORED;
        }
        syncs.change(SyncKind.SHOPIFY_CHANGES, shop.value(), connection.get().merchantId(), change.get(),
                Duration.ofSeconds(Math.max(0, quietSeconds)));
        return Receipt.RECORDED;
    }

    private static Receipt dropped(ShopDomain shop, WebhookTopic topic) {
        LOGGER.log(System.Logger.Level.INFO, "Dropped a {0} webhook from {1}: the store is not connected", topic.header(), shop);
        return Receipt.DROPPED;
    }

    private static String requestId(JsonObject body) {
        if (body.get("data_request") instanceof JsonObject request && request.get("id") != null) {
            return request.get("id").toString();
        }
        return body.get("customer") instanceof JsonObject customer && customer.get("id") != null
                ? "customer " + customer.get("id") : "unnamed";
    }
}

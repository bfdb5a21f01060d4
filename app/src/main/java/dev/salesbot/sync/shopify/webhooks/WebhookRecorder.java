package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ConnectionStatus;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.webhooks.control.Deliveries;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records verified Shopify webhooks — a batch at a time, in one transaction ({@link ShopifyIntake}) —
 * each with its delivery id, so a repeat does nothing, then hands each to what its topic means — an exhaustive switch, so a topic added to
 * {@link WebhookTopic} does not compile until it is routed: a catalog change becomes a pending
 * partial sync due after the quiet window ({@code WEBHOOK_QUIET_SECONDS}, {@link ChangeSet});
 * each lifecycle and privacy topic has its handler ({@link AppUninstalledHandler},
 * {@link ShopRedactHandler}, {@link CustomerPrivacyHandler}, {@link BulkOperationsFinishHandler}).
 * A delivery for a store that is unknown (or, but for {@code shop/redact} and the customer topics,
 * uninstalled) is dropped — and still answered 200, because Shopify removes subscriptions that keep
 * failing.
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
    AppUninstalledHandler appUninstalled;

    @Inject
    ShopRedactHandler shopRedact;

    @Inject
    CustomerPrivacyHandler customerPrivacy;

    @Inject
    BulkOperationsFinishHandler bulkOperationsFinish;

    @Inject
    @ConfigProperty(name = "WEBHOOK_QUIET_SECONDS", defaultValue = "2")
    int quietSeconds;

    /** A verified delivery, parsed, waiting to be recorded. */
    public record Accepted(ShopDomain shop, WebhookTopic topic, String webhookId, Instant triggeredAt, JsonObject body) {
    }

    boolean seen(String webhookId) {
        return deliveries.seen(PLATFORM + ":" + webhookId);
    }

    @Transactional
    public Receipt record(ShopDomain shop, WebhookTopic topic, String webhookId, Instant triggeredAt, JsonObject body) {
        return recordAll(List.of(new Accepted(shop, topic, webhookId, triggeredAt, body))).get(0);
    }

    /**
     * Records a batch of deliveries in one transaction, a receipt each, in order. A delivery seen
     * before, or earlier in the batch, is a duplicate; the catalog changes of each store become one
     * pending partial sync for the batch (payload lines, {@link ChangeSet#lines}).
     */
    @Transactional
    public List<Receipt> recordAll(List<Accepted> batch) {
        // Every read before anything is persisted: a query after a persist makes the provider compute
        // the transaction's changes first (with EclipseLink, most of the receipt's allocations).
        Set<String> seen = deliveries.seenAmong(batch.stream().map(a -> PLATFORM + ":" + a.webhookId()).toList());
        Map<String, Optional<ShopifyConnection>> stores = new HashMap<>();
        batch.forEach(a -> stores.computeIfAbsent(a.shop().value(), connections::findShop));
        Map<String, StoreChanges> changes = new LinkedHashMap<>();
        List<Receipt> receipts = new ArrayList<>(batch.size());
        for (Accepted a : batch) {
            String id = PLATFORM + ":" + a.webhookId();
            if (!seen.add(id)) {
                LOGGER.log(System.Logger.Level.DEBUG, "Duplicate {0} webhook {1} from {2}: nothing to do", a.topic().header(), a.webhookId(), a.shop());
                receipts.add(Receipt.DUPLICATE);
                continue;
            }
            deliveries.remember(id, PLATFORM, a.shop().value(), a.topic().header());
            // DEBUG, not INFO: at hundreds of deliveries a second a line each would cost more than the receipt
            // itself; each sync logs what it applied ("Updated data in … via <topics>").
            LOGGER.log(System.Logger.Level.DEBUG, "Received {0} event from {1}", a.topic().header(), a.shop());
            receipts.add(route(a, stores.get(a.shop().value()), changes));
        }
        changes.forEach((shop, c) -> ChangeSet.lines(c.payloads()).forEach(payload -> syncs.change(SyncKind.SHOPIFY_CHANGES, shop,
                c.merchant(), payload, Duration.ofSeconds(Math.max(0, quietSeconds)))));
        return receipts;
    }

    /** One store's catalog changes in a batch. */
    private record StoreChanges(UUID merchant, List<String> payloads) {
    }

    private Receipt route(Accepted a, Optional<ShopifyConnection> connection, Map<String, StoreChanges> changes) {
        ShopDomain shop = a.shop();
        WebhookTopic topic = a.topic();
        Optional<ShopifyConnection> installed = connection.filter(c -> c.status() != ConnectionStatus.UNINSTALLED);
        return switch (topic) {
            case CUSTOMERS_DATA_REQUEST, CUSTOMERS_REDACT -> customerPrivacy.handle(shop, topic, a.body());
            case SHOP_REDACT -> connection.map(c -> shopRedact.handle(shop, c)).orElseGet(() -> dropped(shop, topic));
            case APP_UNINSTALLED -> installed.map(c -> appUninstalled.handle(shop, c, a.triggeredAt())).orElseGet(() -> dropped(shop, topic));
            case BULK_OPERATIONS_FINISH -> installed.map(c -> bulkOperationsFinish.handle(shop, a.body())).orElseGet(() -> dropped(shop, topic));
            case PRODUCTS_CREATE, PRODUCTS_UPDATE, PRODUCTS_DELETE, INVENTORY_LEVELS_UPDATE, COLLECTIONS_CREATE, COLLECTIONS_UPDATE,
                 COLLECTIONS_DELETE, DISCOUNTS_CREATE, DISCOUNTS_UPDATE, DISCOUNTS_DELETE, DISCOUNTS_REDEEMCODE_ADDED,
                 DISCOUNTS_REDEEMCODE_REMOVED, SHOP_UPDATE ->
                    installed.map(c -> change(shop, topic, a.body(), c, changes)).orElseGet(() -> dropped(shop, topic));
        };
    }

    /** A catalog change: part of the store's pending partial sync, which reads what the payloads name once the store is quiet. */
    private Receipt change(ShopDomain shop, WebhookTopic topic, JsonObject body, ShopifyConnection connection, Map<String, StoreChanges> changes) {
        Optional<String> change = ChangeSet.payload(topic, body);
        if (change.isEmpty()) {
            LOGGER.log(System.Logger.Level.INFO, "A {0} webhook from {1} named nothing to fetch", topic.header(), shop);
            return Receipt.IGNORED;
        }
        changes.computeIfAbsent(shop.value(), s -> new StoreChanges(connection.merchantId(), new ArrayList<>())).payloads().add(change.get());
        return Receipt.RECORDED;
    }

    private static Receipt dropped(ShopDomain shop, WebhookTopic topic) {
        LOGGER.log(System.Logger.Level.INFO, "Dropped a {0} webhook from {1}: the store is not connected", topic.header(), shop);
        return Receipt.DROPPED;
    }
}

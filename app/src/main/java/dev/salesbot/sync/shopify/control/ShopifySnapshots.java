package dev.salesbot.sync.shopify.control;

import dev.salesbot.sync.merchants.control.Connections;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.storage.control.SnapshotStore;
import dev.salesbot.sync.storage.control.StorageKey;
import dev.salesbot.sync.sync.control.SyncAbandoned;
import dev.salesbot.sync.sync.control.SyncHandler;
import dev.salesbot.sync.sync.control.SyncKind;
import dev.salesbot.sync.sync.control.SyncResult;
import dev.salesbot.sync.sync.control.SyncTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.UUID;

/**
 * The full store sync: fetch the whole catalog, write {@code shopify_data.json} and the bot's
 * {@code preprocessed_data.json}, each only if its content changed (one HEAD otherwise). The keys
 * are the store's own merchant's, read from its connection. Failures are classified by
 * {@link ShopifyFailures}.
 */
@ApplicationScoped
public class ShopifySnapshots implements SyncHandler {

    private static final System.Logger LOGGER = System.getLogger(ShopifySnapshots.class.getName());

    @Inject
    Connections connections;

    @Inject
    ShopifyTokens tokens;

    @Inject
    Catalogs catalogs;

    @Inject
    SnapshotStore store;

    @Inject
    ShopifyFailures failures;

    @Override
    public SyncKind kind() {
        return SyncKind.SHOPIFY_FULL;
    }

    @Override
    public SyncResult run(SyncTask task) {
        ShopDomain shop = new ShopDomain(task.target());
        try {
            ShopifyConnection connection = connections.findShop(shop.value())
                    .orElseThrow(() -> new SyncAbandoned("The store " + shop + " is not connected (any more)."));
            if (!connection.active()) {
                throw new SyncAbandoned("The store " + shop + " needs to be connected again: " + connection.statusReason());
            }
            JsonObject document = catalogs.fetchAll(catalogs.access(shop, tokens.accessToken(shop)), connection.scope());
            return write(shop, connection.merchantId(), document);
        } catch (RuntimeException e) {
            throw failures.classify(shop, e);
        }
    }

    private SyncResult write(ShopDomain shop, UUID merchant, JsonObject document) {
        StorageKey snapshotKey = StorageKey.shopifySnapshot(merchant);
        SnapshotStore.Outcome snapshot = store.put(snapshotKey, CanonicalJson.bytes(document));
        SnapshotStore.Outcome digest = store.put(StorageKey.shopifyDigest(merchant),
                CanonicalJson.bytes(BotDigest.of(document, Instant.now())));
        boolean written = snapshot == SnapshotStore.Outcome.WRITTEN || digest == SnapshotStore.Outcome.WRITTEN;
        String where = store.describe(snapshotKey).startsWith("s3://") ? "Spaces" : "the local store";
        String message = written ? "Uploaded data to " + where + " for " + shop : "No upload needed: data unchanged for " + shop;
        LOGGER.log(System.Logger.Level.INFO, message);
        return new SyncResult(written, message, summary(document, snapshotKey.value()), document);
    }

    /** Counts and the storage key, for the connect answer and the admin console. */
    static JsonObject summary(JsonObject document, String location) {
        JsonObject data = document.getJsonObject("data");
        int variants = 0;
        for (JsonValue edge : edges(data, "products")) {
            variants += edges(edge.asJsonObject().getJsonObject("node"), "variants").size();
        }
        return Json.createObjectBuilder()
                .add("location", location)
                .add("products", edges(data, "products").size())
                .add("variants", variants)
                .add("discounts", edges(data, "codeDiscountNodes").size())
                .add("collections", edges(data, "collections").size())
                .build();
    }

    private static JsonArray edges(JsonObject parent, String connection) {
        if (parent == null || !(parent.get(connection) instanceof JsonObject c) || !(c.get("edges") instanceof JsonArray a)) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return a;
    }
}

package dev.salesbot.sync.shopify.control;

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
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;

/**
 * The full store sync: fetch the whole catalog, write {@code shopify_data.json} and the bot's
 * {@code preprocessed_data.json}, each only if its content changed (one HEAD otherwise).
 */
@ApplicationScoped
public class ShopifySnapshots implements SyncHandler {

    private static final System.Logger LOGGER = System.getLogger(ShopifySnapshots.class.getName());

    @Inject
    ShopifyTokens tokens;

    @Inject
    Catalogs catalogs;

    @Inject
    SnapshotStore store;

    @Override
    public SyncKind kind() {
        return SyncKind.SHOPIFY_FULL;
    }

    @Override
    public SyncResult run(SyncTask task) {
        ShopDomain shop = new ShopDomain(task.target());
        JsonObject document;
        try {
            document = catalogs.fetchAll(catalogs.access(shop, tokens.accessToken(shop)));
        } catch (ShopifyUnauthorizedException e) {
            throw new SyncAbandoned("Shopify refused the stored access token of " + shop + "; the merchant must connect the store again.");
        }
        StorageKey snapshotKey = StorageKey.shopifySnapshot(task.merchant());
        SnapshotStore.Outcome snapshot = store.put(snapshotKey, CanonicalJson.bytes(document));
        SnapshotStore.Outcome digest = store.put(StorageKey.shopifyDigest(task.merchant()),
                CanonicalJson.bytes(BotDigest.of(document, Instant.now())));
        boolean written = snapshot == SnapshotStore.Outcome.WRITTEN || digest == SnapshotStore.Outcome.WRITTEN;
        String where = store.describe(snapshotKey).startsWith("s3://") ? "Spaces" : "the local store";
        String message = written ? "Uploaded data to " + where + " for " + shop : "No upload needed: data unchanged for " + shop;
        LOGGER.log(System.Logger.Level.INFO, message);
        return new SyncResult(written, message, summary(document, store.describe(snapshotKey)), document);
    }

    /** Counts and location, for the connect answer and the admin console. */
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

    private static jakarta.json.JsonArray edges(JsonObject parent, String connection) {
        if (parent == null || !(parent.get(connection) instanceof JsonObject c) || !(c.get("edges") instanceof jakarta.json.JsonArray a)) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return a;
    }
}

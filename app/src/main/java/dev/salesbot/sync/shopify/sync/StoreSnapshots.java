package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.queue.leases.Fence;
import dev.salesbot.sync.shopify.catalog.BotDigest;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.storage.control.SnapshotStore;
import dev.salesbot.sync.storage.control.StorageKey;
import dev.salesbot.sync.storage.control.SpooledJson;
import dev.salesbot.sync.storage.control.StorageTarget;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.salesbot.sync.storage.control.TargetObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A store's two objects: {@code shopify_data.json} (the catalog document) and the bot's
 * {@code preprocessed_data.json}, written as a pair ({@link SnapshotStore#putPair}: each only if
 * its canonical bytes changed; on Spaces one HEAD of the snapshot when neither did), read back for
 * a partial sync to patch, and deleted for {@code shop/redact} — every key ever recorded for the
 * store ({@link TargetObjects}).
 */
@ApplicationScoped
public class StoreSnapshots {

    private static final System.Logger LOGGER = System.getLogger(StoreSnapshots.class.getName());

    @Inject
    TargetObjects objects;

    /** Up to this size the connect answer carries the snapshot itself ({@code shopify_data}); above it, the summary only. */
    @Inject
    @ConfigProperty(name = "ANSWER_INLINE_MAX_BYTES", defaultValue = "4194304")
    long inlineMaxBytes;

    /**
     * Writes both objects; {@code written} says how ("Uploaded data to Spaces", "Updated data in
     * Spaces") and {@code via}, if not null, which webhook topics caused it: the seed's
     * {@code Updated data in Spaces for <shop> via products/update}.
     */
    public SyncResult write(Fence fence, ShopDomain shop, UUID merchant, JsonObject document, String written, String via) {
        return write(fence, shop, merchant, document, written, via, null);
    }

    /**
     * As {@link #write(Fence, ShopDomain, UUID, JsonObject, String, String)}; {@code how}, when not
     * null, says how the catalog was fetched ("through bulk operations"): it ends the message and is
     * the summary's {@code fetched}.
     */
    public SyncResult write(Fence fence, ShopDomain shop, UUID merchant, JsonObject document, String written, String via, String how) {
        try (SpooledJson spooled = SpooledJson.of(CanonicalJson.bytes(document))) {
            return write(fence, shop, merchant, spooled, written, via, how);
        }
    }

    /**
     * Writes a document spooled to disk ({@link dev.salesbot.sync.shopify.catalog.CatalogSpool}):
     * its digest is spooled too ({@link BotDigest#spool}), both are uploaded from their files, and
     * the result carries the document itself only up to {@code ANSWER_INLINE_MAX_BYTES} (otherwise
     * the summary's {@code location} says where it is). {@code fence} is confirmed first: a server
     * that lost the store's lease writes nothing.
     */
    public SyncResult write(Fence fence, ShopDomain shop, UUID merchant, SpooledJson document, String written, String via, String how) {
        StorageKey snapshotKey = StorageKey.shopifySnapshot(merchant);
        fence.confirm();
        // The digest is computed afresh every time: it depends on the time too (discounts start and end).
        BotDigest.Spooled digest = BotDigest.spool(document, Instant.now());
        boolean changed;
        try (SpooledJson digestJson = digest.digest()) {
            changed = objects.putPair(StorageTarget.store(shop.value()), snapshotKey, document,
                    StorageKey.shopifyDigest(merchant), digestJson) == SnapshotStore.Outcome.WRITTEN;
        }
        String message = (changed ? written + " for " + shop + (via == null ? "" : " via " + via)
                : "No upload needed: data unchanged for " + shop) + (how == null ? "" : " (fetched " + how + ")");
        LOGGER.log(System.Logger.Level.INFO, message);
        boolean inline = document.size() <= inlineMaxBytes;
        var summary = Jsonp.createObjectBuilder()
                .add("location", snapshotKey.value())
                .add("products", digest.products())
                .add("variants", digest.variants())
                .add("discounts", digest.discounts())
                .add("collections", digest.collections())
                .add("bytes", document.size())
                .add("inline", inline);
        if (how != null) {
            summary.add("fetched", how);
        }
        return new SyncResult(changed, message, summary.build(), inline ? parse(document) : null);
    }

    private static JsonObject parse(SpooledJson document) {
        try (var in = document.open(); JsonReader reader = Jsonp.createReader(in)) {
            return reader.readObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "Spaces" or "the local store", for the seed's log lines. */
    public String where() {
        return objects.where();
    }

    /** The stored catalog document of {@code merchant} copied to a spool file, if there is one; the caller closes it. */
    public Optional<SpooledJson> download(UUID merchant) {
        return objects.download(StorageKey.shopifySnapshot(merchant));
    }

    /**
     * Deletes every object ever written for {@code shop} and both keys of {@code merchant} (its
     * merchant now, if it is still connected); answers how many existed.
     */
    public int delete(Fence fence, ShopDomain shop, Optional<UUID> merchant) {
        fence.confirm();
        List<StorageKey> current = merchant.map(m -> List.of(StorageKey.shopifySnapshot(m), StorageKey.shopifyDigest(m))).orElse(List.of());
        return objects.delete(StorageTarget.store(shop.value()), current);
    }

}

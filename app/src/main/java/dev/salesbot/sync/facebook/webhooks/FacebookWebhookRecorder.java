package dev.salesbot.sync.facebook.webhooks;

import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.webhooks.control.Deliveries;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records the entries of verified Page webhooks, a batch of deliveries a transaction
 * ({@link FacebookIntake}). Meta has no delivery id, so an
 * entry is known by its content: the SHA-256 of its canonical JSON (Page id, time and changes) is
 * the {@code WEBHOOK_DELIVERY} key, and the same entry delivered again does nothing. A change to one
 * of {@link FacebookApp#pageChangeFields()} becomes a pending {@code FACEBOOK_PAGE_CHANGES} request
 * due after the quiet window, so a burst of edits costs one Graph read and at most one write;
 * Messenger events are acknowledged and ignored (the bot reads them, not this server). An entry for
 * a Page that is not connected (or not active) is dropped with an INFO line.
 */
@ApplicationScoped
public class FacebookWebhookRecorder {

    static final String PLATFORM = "facebook";
    private static final System.Logger LOGGER = System.getLogger(FacebookWebhookRecorder.class.getName());

    @Inject
    Deliveries deliveries;

    @Inject
    PageConnections connections;

    @Inject
    Syncs syncs;

    @Inject
    FacebookApp app;

    @Inject
    @ConfigProperty(name = "WEBHOOK_QUIET_SECONDS", defaultValue = "2")
    int quietSeconds;

    boolean seen(JsonObject entry) {
        return deliveries.seen(id(entry));
    }

    @Transactional
    public Receipt record(List<JsonObject> entries) {
        return recordAll(List.of(entries)).get(0);
    }

    /**
     * Records a batch of deliveries (each its entries) in one transaction, a receipt each, in
     * order: an entry seen before, or earlier in the batch, is a duplicate; the changed fields of
     * each Page become one pending {@code FACEBOOK_PAGE_CHANGES} request for the batch.
     */
    @Transactional
    public List<Receipt> recordAll(List<List<JsonObject>> batch) {
        // Every read before anything is persisted (a query after a persist makes the provider flush first).
        Set<String> seen = deliveries.seenAmong(batch.stream().flatMap(List::stream).map(FacebookWebhookRecorder::id).toList());
        Map<String, Optional<FacebookPageConnection>> pages = new HashMap<>();
        batch.stream().flatMap(List::stream).forEach(e -> pages.computeIfAbsent(pageId(e), connections::find));
        Map<String, PageChanges> changes = new LinkedHashMap<>();
        List<Receipt> receipts = new ArrayList<>(batch.size());
        for (List<JsonObject> entries : batch) {
            List<Receipt> each = new ArrayList<>();
            for (JsonObject entry : entries) {
                each.add(recordEntry(entry, seen, pages.get(pageId(entry)), changes));
            }
            receipts.add(summary(each));
        }
        changes.forEach((pageId, c) -> syncs.change(SyncKind.FACEBOOK_PAGE_CHANGES, pageId, c.merchant(), String.join(",", c.fields()),
                Duration.ofSeconds(Math.max(0, quietSeconds))));
        return receipts;
    }

    /** A delivery's receipt: recorded if any entry was, else a duplicate, dropped, or ignored. */
    private static Receipt summary(List<Receipt> receipts) {
        for (Receipt wanted : List.of(Receipt.RECORDED, Receipt.DUPLICATE, Receipt.DROPPED)) {
            if (receipts.contains(wanted)) {
                return wanted;
            }
        }
        return Receipt.IGNORED;
    }

    /** One Page's changed fields in a batch. */
    private record PageChanges(UUID merchant, Set<String> fields) {
    }

    private Receipt recordEntry(JsonObject entry, Set<String> seen, Optional<FacebookPageConnection> connection,
                                Map<String, PageChanges> changes) {
        String pageId = pageId(entry);
        Set<String> fields = changedFields(entry);
        if (fields.isEmpty()) {
            LOGGER.log(System.Logger.Level.DEBUG, "A Facebook webhook entry for page {0} changes no Page field this app keeps", pageId);
            return Receipt.IGNORED;
        }
        String id = id(entry);
        if (!seen.add(id)) {
            LOGGER.log(System.Logger.Level.DEBUG, "Duplicate Facebook webhook entry for page {0}: nothing to do", pageId);
            return Receipt.DUPLICATE;
        }
        String topic = "page:" + String.join(",", fields);
        deliveries.remember(id, PLATFORM, pageId, topic.length() <= 64 ? topic : topic.substring(0, 63) + "…");
        LOGGER.log(System.Logger.Level.INFO, "Received webhook event for page {0}: {1}", pageId, String.join(",", fields));
        if (connection.isEmpty() || !connection.get().active()) {
            LOGGER.log(System.Logger.Level.INFO, "Dropped a webhook event for page {0}: the Page is not connected", pageId);
            return Receipt.DROPPED;
        }
        changes.computeIfAbsent(pageId, p -> new PageChanges(connection.get().merchantId(), new LinkedHashSet<>())).fields().addAll(fields);
        return Receipt.RECORDED;
    }

    private static String pageId(JsonObject entry) {
        return ((JsonString) entry.get("id")).getString();
    }

    /** The subscribed Page fields the entry's {@code changes} name; field names are kept only when they are configured ones. */
    private Set<String> changedFields(JsonObject entry) {
        Set<String> fields = new LinkedHashSet<>();
        if (entry.get("changes") instanceof JsonArray changes) {
            List<String> kept = app.pageChangeFields();
            for (JsonValue change : changes) {
                if (change instanceof JsonObject c && c.get("field") instanceof JsonString field && kept.contains(field.getString())) {
                    fields.add(field.getString());
                }
            }
        }
        return fields;
    }

    /** {@code facebook:<sha256 of the entry's canonical JSON>}: the same time and content is the same entry. */
    static String id(JsonObject entry) {
        return PLATFORM + ":" + CanonicalJson.sha256Hex(CanonicalJson.bytes(entry));
    }
}

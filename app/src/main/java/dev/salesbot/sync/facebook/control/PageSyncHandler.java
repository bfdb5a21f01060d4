package dev.salesbot.sync.facebook.control;

import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
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

/**
 * {@link SyncKind#FACEBOOK_PAGE}: reads the Page node with its stored token and writes
 * {@code users/<uuid>/facebook_messenger/<page_id>/page_data.json} when it changed. A token Graph
 * refuses (code 190) marks the connection as needing a reconnect and abandons the sync: retrying
 * cannot help until the merchant connects again. Anything else (rate limits past their retries,
 * Graph or storage down) is thrown for the engine to retry later.
 */
@ApplicationScoped
public class PageSyncHandler implements SyncHandler {

    private static final System.Logger LOGGER = System.getLogger(PageSyncHandler.class.getName());

    @Inject
    PageConnections connections;

    @Inject
    PageTokens tokens;

    @Inject
    GraphClient graph;

    @Inject
    FacebookApp app;

    @Inject
    SnapshotStore store;

    @Override
    public SyncKind kind() {
        return SyncKind.FACEBOOK_PAGE;
    }

    @Override
    public SyncResult run(SyncTask task) {
        String pageId = task.target();
        if (!PageIds.valid(pageId)) {
            throw new SyncAbandoned("the sync target is not a Facebook Page id");
        }
        FacebookPageConnection connection = connections.find(pageId)
                .filter(c -> c.merchantId().equals(task.merchant()))
                .orElseThrow(() -> new SyncAbandoned("Page " + pageId + " is not connected to merchant " + task.merchant()));
        if (connection.status() == FacebookPageConnection.Status.NEEDS_RECONNECT) {
            throw new SyncAbandoned("Page " + pageId + " needs to be reconnected: " + connection.statusReason());
        }
        JsonObject node;
        try {
            node = graph.page(pageId, tokens.open(connection));
        } catch (GraphException e) {
            if (e.tokenInvalid()) {
                String reason = "Facebook no longer accepts the Page's token (expired or revoked); connect the Facebook Pages again.";
                connections.markNeedsReconnect(pageId, reason);
                LOGGER.log(System.Logger.Level.WARNING, "Page {0} of merchant {1} needs a reconnect: {2}",
                        pageId, task.merchant(), e.getMessage());
                throw new SyncAbandoned("Page " + pageId + " needs to be reconnected: " + reason);
            }
            throw e;
        }
        LOGGER.log(System.Logger.Level.INFO, "Polled data for page {0}: Success", pageId);
        StorageKey key = StorageKey.facebookPage(task.merchant(), pageId);
        JsonObject document = PageSnapshot.document(node, app.pageFields());
        boolean written = store.put(key, CanonicalJson.bytes(document)) == SnapshotStore.Outcome.WRITTEN;
        LOGGER.log(System.Logger.Level.INFO, written ? "Uploaded data to storage for page {0}"
                : "Data of page {0} unchanged; nothing uploaded", pageId);
        JsonObject summary = Json.createObjectBuilder().add("page_id", pageId).add("key", key.value()).build();
        return new SyncResult(written, written ? "Uploaded page data for page " + pageId
                : "Page data unchanged for page " + pageId, summary, document);
    }
}

package dev.salesbot.sync.facebook.sync;

import dev.salesbot.sync.config.RequiredSetting;
import dev.salesbot.sync.facebook.graph.AccessToken;
import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.graph.GraphClient;
import dev.salesbot.sync.facebook.graph.GraphException;
import dev.salesbot.sync.facebook.graph.PageIds;
import dev.salesbot.sync.facebook.graph.PageTokens;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.queue.control.SyncAbandoned;
import dev.salesbot.sync.queue.control.SyncHandler;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncPostponed;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.queue.control.SyncTask;
import dev.salesbot.sync.security.control.UnreadableToken;
import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.storage.control.SnapshotStore;
import dev.salesbot.sync.storage.control.StorageKey;
import dev.salesbot.sync.storage.control.StorageTarget;
import dev.salesbot.sync.storage.control.StorageUnavailableException;
import dev.salesbot.sync.storage.control.TargetObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Duration;

/**
 * {@link SyncKind#FACEBOOK_PAGE}: reads the Page node with its stored token and writes
 * {@code users/<uuid>/facebook_messenger/<page_id>/page_data.json} (the uuid of the merchant the
 * Page belongs to now, the key recorded for the Page first) when it changed. Failures are classified here (see the package notes):
 * a token Graph refuses (190) or a permission it lacks (10, 200–299) marks the connection as
 * needing a reconnect and ends the sync; rate limits, Graph down or unreachable, and storage
 * trouble are retried later; any other Graph error ends the sync with Graph's message.
 */
@ApplicationScoped
public class PageSyncHandler implements SyncHandler {

    private static final System.Logger LOGGER = System.getLogger(PageSyncHandler.class.getName());

    @Inject
    dev.salesbot.sync.queue.control.TargetStatuses statuses;

    @Inject
    PageConnections connections;

    @Inject
    PageTokens tokens;

    @Inject
    GraphClient graph;

    @Inject
    FacebookApp app;

    @Inject
    TargetObjects objects;

    @Override
    public SyncKind kind() {
        return SyncKind.FACEBOOK_PAGE;
    }

    @Override
    public SyncResult run(SyncTask task) {
        return sync(task, false);
    }

    /** @param viaWebhook the sync follows webhook changes (the seed logs "Updated data in Spaces for page …" then) */
    SyncResult sync(SyncTask task, boolean viaWebhook) {
        String pageId = task.target();
        if (!PageIds.valid(pageId)) {
            throw new SyncAbandoned("The sync target is not a Facebook Page id.");
        }
        FacebookPageConnection connection = connections.find(pageId)
                .orElseThrow(() -> new SyncAbandoned("Page " + pageId + " is not connected (any more)."));
        if (!connection.active()) {
            throw new SyncAbandoned("Page " + pageId + " needs to be reconnected: " + connection.statusReason());
        }
        JsonObject node = read(connection);
        LOGGER.log(System.Logger.Level.INFO, "Polled data for page {0}: Success", pageId);
        if (dev.salesbot.sync.poll.control.PollSlots.polled(task)) {
            // The daily reconcile also re-subscribes a Page whose webhook subscription went missing.
            resubscribeIfMissing(connection);
        }
        StorageKey key = StorageKey.facebookPage(connection.merchantId(), pageId);
        JsonObject document = PageSnapshot.document(node, app.pageFields());
        boolean written;
        try {
            task.fence().confirm(); // a server that lost the Page's lease writes nothing
            written = objects.put(StorageTarget.page(pageId), key, CanonicalJson.bytes(document)) == SnapshotStore.Outcome.WRITTEN;
        } catch (StorageUnavailableException e) {
            throw new SyncPostponed(e.getMessage() + ".", e);
        }
        if (!written) {
            LOGGER.log(System.Logger.Level.INFO, "Data of page {0} unchanged; nothing uploaded", pageId);
        } else if (viaWebhook) {
            LOGGER.log(System.Logger.Level.INFO, "Updated data in {0} for page {1}", objects.where(), pageId);
        } else {
            LOGGER.log(System.Logger.Level.INFO, "Uploaded data to {0} for page {1}", objects.where(), pageId);
        }
        JsonObject summary = Jsonp.createObjectBuilder().add("page_id", pageId).add("key", key.value())
                .add("fields", document.getJsonArray("data").getJsonObject(0).size()).build();
        return new SyncResult(written, written ? "Uploaded page data for page " + pageId
                : "Page data unchanged for page " + pageId, summary, document);
    }

    private JsonObject read(FacebookPageConnection connection) {
        String pageId = connection.pageId();
        try {
            return graph.page(pageId, tokens.open(connection));
        } catch (RequiredSetting e) {
            throw e; // the operator's to fix, not the merchant's
        } catch (UnreadableToken e) {
            // The operator's to fix (the key), never the merchant's: retried until the right key is configured.
            throw new SyncPostponed(UnreadableToken.REASON + " (no configured key opens the token of Page " + pageId + ").", e);
        } catch (GraphException e) {
            if (e.tokenInvalid() || e.permissionMissing()) {
                return reconnect(pageId, (e.tokenInvalid()
                        ? "Facebook no longer accepts the Page's token (expired or revoked)"
                        : "Facebook refused a permission the bot needs for this Page") + "; connect the Facebook Pages again.",
                        e.getMessage());
            }
            if (e.rateLimited()) {
                throw new SyncPostponed("Facebook is limiting requests for Page " + pageId + ".",
                        e.minutesToRegainAccess() > 0 ? Duration.ofMinutes(e.minutesToRegainAccess()) : null, e);
            }
            if (e.transientFailure()) {
                throw new SyncPostponed("Facebook could not be reached or failed for Page " + pageId + ".", e);
            }
            throw new SyncAbandoned(e.getMessage() + "; retrying cannot help.");
        }
    }

    /**
     * Meta stops sending to a Page whose subscription was removed (the merchant removed the app from
     * the Page's settings, say): the poll puts it back. A failure here is logged and left to the
     * next poll: the Page's data was read and is written either way.
     */
    private void resubscribeIfMissing(FacebookPageConnection connection) {
        String pageId = connection.pageId();
        try {
            AccessToken token = tokens.open(connection);
            java.util.Set<String> present = new java.util.HashSet<>(graph.subscribedFields(pageId, token));
            if (present.containsAll(app.webhookFields())) {
                statuses.webhooksChecked(pageId, present, app.webhookFields());
                return;
            }
            statuses.webhooksChecked(pageId, graph.subscribe(pageId, token), app.webhookFields());
            LOGGER.log(System.Logger.Level.INFO, "Webhook subscription for page {0} was missing and is re-created: {1}",
                    pageId, String.join(",", app.webhookFields()));
        } catch (GraphException | IllegalStateException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Could not check the webhook subscription of page {0}: {1}", pageId, e.getMessage());
        }
    }

    private JsonObject reconnect(String pageId, String reason, String detail) {
        connections.markNeedsReconnect(pageId, reason);
        LOGGER.log(System.Logger.Level.WARNING, "Page {0} needs a reconnect: {1}", pageId, detail);
        throw new SyncAbandoned("Page " + pageId + " needs to be reconnected: " + reason);
    }
}

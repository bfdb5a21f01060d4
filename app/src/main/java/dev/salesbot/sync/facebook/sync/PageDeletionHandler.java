package dev.salesbot.sync.facebook.sync;

import dev.salesbot.sync.facebook.graph.PageIds;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.queue.control.SyncAbandoned;
import dev.salesbot.sync.queue.control.SyncHandler;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncPostponed;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.queue.control.SyncTask;
import dev.salesbot.sync.storage.control.StorageKey;
import dev.salesbot.sync.storage.control.StorageTarget;
import dev.salesbot.sync.storage.control.StorageUnavailableException;
import dev.salesbot.sync.storage.control.TargetObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * {@link SyncKind#FACEBOOK_PAGE_DELETE}: a data-deletion request's share for one Page — every
 * {@code page_data.json} ever written for it, under each merchant that held it, is deleted
 * (retried while storage is down), then its connection row, and the request's count moves. The
 * Page id is the sync target, so no sync of the Page can run at the same time, and the deletion
 * swallows any pending one.
 */
@ApplicationScoped
public class PageDeletionHandler implements SyncHandler {

    private static final System.Logger LOGGER = System.getLogger(PageDeletionHandler.class.getName());

    @Inject
    PageConnections connections;

    @Inject
    TargetObjects objects;

    @Inject
    DataDeletions deletions;

    @Override
    public SyncKind kind() {
        return SyncKind.FACEBOOK_PAGE_DELETE;
    }

    @Override
    public SyncResult run(SyncTask task) {
        String pageId = task.target();
        if (!PageIds.valid(pageId)) {
            throw new SyncAbandoned("The deletion target is not a Facebook Page id.");
        }
        List<String> codes = DataDeletions.codes(task.payloads());
        Optional<FacebookPageConnection> connection = connections.find(pageId);
        List<StorageKey> current = connection.map(c -> List.of(StorageKey.facebookPage(c.merchantId(), pageId))).orElse(List.of());
        int deleted;
        try {
            task.fence().confirm();
            deleted = objects.delete(StorageTarget.page(pageId), current);
        } catch (StorageUnavailableException e) {
            throw new SyncPostponed(e.getMessage() + ".", e);
        }
        // Connected again after the deletion was asked: its data as of the request is gone, the new
        // connection stays, and the reconnect's sync (asked after) writes it afresh.
        boolean reconnected = connection.isPresent() && connection.get().lastConnectedAt().isAfter(task.requestedAt());
        deletions.pageErased(pageId, codes, !reconnected);
        LOGGER.log(System.Logger.Level.INFO, "Deleted the data of page {0}: {1} object(s) (data deletion {2})", pageId, deleted,
                String.join(", ", codes));
        String message = "Deleted the data of page " + pageId;
        return new SyncResult(deleted > 0, message, Jsonp.createObjectBuilder().add("page_id", pageId).build(), null);
    }
}

package dev.salesbot.sync.facebook.callbacks;

import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.sync.DataDeletions;
import dev.salesbot.sync.facebook.sync.PageDeletionHandler;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.queue.control.SyncRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Meta's two callbacks about a user, each a {@code signed_request} checked by {@link SignedRequests}
 * before anything changes:
 * <ul>
 * <li><b>Deauthorize</b> (the user removed the app): the tokens of every Page they connected are
 * deleted at once, the Pages are marked needing a reconnect and their pending syncs end; the
 * snapshots stay (the merchant's bot keeps its last data) until a data-deletion request.</li>
 * <li><b>Data deletion</b>: a confirmation code is issued and one durable
 * {@code FACEBOOK_PAGE_DELETE} request recorded per Page the user connected, in one transaction;
 * {@link PageDeletionHandler} deletes each Page's object and row (retried while storage is down),
 * and the status page follows the count ({@link DataDeletions}).</li>
 * </ul>
 */
@ApplicationScoped
public class MetaCallbacks {

    private static final System.Logger LOGGER = System.getLogger(MetaCallbacks.class.getName());

    @Inject
    FacebookApp app;

    @Inject
    PageConnections connections;

    @Inject
    SyncRequests requests;

    @Inject
    DataDeletions deletions;

    /** @return how many Pages lost their tokens */
    @Transactional
    public int deauthorize(String signedRequest) {
        String userId = SignedRequests.userId(signedRequest, app.appSecret());
        String reason = "The Facebook user who connected this Page removed the app; connect the Facebook Pages again.";
        List<String> pages = connections.revokeUser(userId, reason);
        pages.forEach(page -> requests.abandonPendingOf(page, reason));
        LOGGER.log(System.Logger.Level.INFO, "Facebook user {0} removed the app: the tokens of {1} Page(s) are deleted", userId, pages.size());
        return pages.size();
    }

    /** @return the confirmation code Meta shows the user */
    @Transactional
    public String requestDeletion(String signedRequest) {
        String userId = SignedRequests.userId(signedRequest, app.appSecret());
        List<FacebookPageConnection> pages = connections.ofUser(userId);
        String code = deletions.request(pages);
        LOGGER.log(System.Logger.Level.INFO, "Data deletion {0} for Facebook user {1}: {2} Page(s) to delete", code, userId, pages.size());
        return code;
    }
}

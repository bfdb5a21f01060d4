package dev.salesbot.sync.facebook.callbacks;

import dev.salesbot.sync.facebook.entity.FacebookDataDeletion;
import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.sync.PageDeletionHandler;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.queue.control.Syncs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * and the status page follows the count.</li>
 * </ul>
 */
@ApplicationScoped
public class MetaCallbacks {

    /** A confirmation code: 128 random bits, base64url. */
    public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{22}$");
    public static final String PAYLOAD_PREFIX = "deletion:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOGGER = System.getLogger(MetaCallbacks.class.getName());

    @Inject
    FacebookApp app;

    @Inject
    PageConnections connections;

    @Inject
    SyncRequests requests;

    @Inject
    Syncs syncs;

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

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
        String code = newCode();
        List<FacebookPageConnection> pages = connections.ofUser(userId);
        em.persist(new FacebookDataDeletion(code, pages.size(), now()));
        for (FacebookPageConnection page : pages) {
            syncs.enqueue(SyncKind.FACEBOOK_PAGE_DELETE, page.pageId(), page.merchantId(), PAYLOAD_PREFIX + code);
        }
        LOGGER.log(System.Logger.Level.INFO, "Data deletion {0} for Facebook user {1}: {2} Page(s) to delete", code, userId, pages.size());
        return code;
    }

    @Transactional
    public Optional<FacebookDataDeletion> status(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(FacebookDataDeletion.class, code));
    }

    /** The deletion handler's last step for a Page: the row goes, and each request naming it counts it. */
    @Transactional
    public void pageErased(String pageId, List<String> codes) {
        if (!connections.delete(pageId)) {
            return; // counted already, by an attempt whose commit went through before its request was closed
        }
        for (String code : codes) {
            em.createNamedQuery(FacebookDataDeletion.COUNT_PAGE).setParameter("code", code).executeUpdate();
            em.createNamedQuery(FacebookDataDeletion.COMPLETE).setParameter("code", code).setParameter("now", now()).executeUpdate();
        }
    }

    private static String newCode() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}

package dev.salesbot.sync.facebook.sync;

import dev.salesbot.sync.facebook.entity.FacebookDataDeletion;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.queue.control.SyncKind;
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
 * Meta's data-deletion requests as they are carried out: a request is a confirmation code, a
 * {@link FacebookDataDeletion} row (code, counts and times only) and one durable
 * {@code FACEBOOK_PAGE_DELETE} request per Page, whose payload names the code; as
 * {@link PageDeletionHandler} erases each Page, the row counts it, and it is done with the last.
 */
@ApplicationScoped
public class DataDeletions {

    /** A confirmation code: 128 random bits, base64url. */
    public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{22}$");
    static final String PAYLOAD_PREFIX = "deletion:";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PageConnections connections;

    @Inject
    Syncs syncs;

    @PersistenceContext(unitName = "salesbot")
    EntityManager em;

    /** Records the request for {@code pages} (in the caller's transaction); answers its confirmation code. */
    @Transactional
    public String request(List<FacebookPageConnection> pages) {
        String code = newCode();
        em.persist(new FacebookDataDeletion(code, pages.size(), now()));
        for (FacebookPageConnection page : pages) {
            syncs.enqueue(SyncKind.FACEBOOK_PAGE_DELETE, page.pageId(), page.merchantId(), PAYLOAD_PREFIX + code);
        }
        return code;
    }

    @Transactional
    public Optional<FacebookDataDeletion> status(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(FacebookDataDeletion.class, code));
    }

    /** The codes of the data-deletion requests a deletion task's payloads name (none for an operator's or merchant's deletion). */
    static List<String> codes(List<String> payloads) {
        return payloads.stream().filter(p -> p.startsWith(PAYLOAD_PREFIX)).map(p -> p.substring(PAYLOAD_PREFIX.length()))
                .filter(c -> CODE.matcher(c).matches()).distinct().toList();
    }

    /**
     * The deletion handler's last step for a Page: the row goes (unless {@code deleteConnection} is
     * false: the Page was connected again after the request), and each request naming it counts it.
     */
    @Transactional
    public void pageErased(String pageId, List<String> codes, boolean deleteConnection) {
        if (deleteConnection && !connections.delete(pageId)) {
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

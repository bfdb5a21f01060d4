package dev.salesbot.sync.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A Facebook Page connected by a merchant. A Page belongs to one merchant at a time: the one whose
 * session connected it last (a Page's admins decide where its bot gets its data), so the Page id
 * alone names the connection, as it names the sync target. The Page token is only ever held here
 * as {@code TokenCipher} ciphertext (context {@code facebook:page:<id>}); {@link #toString()}
 * shows no token.
 */
@Entity
@Table(name = "FACEBOOK_PAGE_CONNECTION", uniqueConstraints = @UniqueConstraint(columnNames = "PAGE_ID"))
@NamedQuery(name = FacebookPageConnection.BY_PAGE,
        query = "select c from FacebookPageConnection c where c.pageId = :pageId")
@NamedQuery(name = FacebookPageConnection.BY_USER,
        query = "select c from FacebookPageConnection c where c.facebookUserId = :user order by c.pageId")
@NamedQuery(name = FacebookPageConnection.BY_MERCHANT,
        query = "select c from FacebookPageConnection c where c.merchantId = :merchant order by c.pageId")
public class FacebookPageConnection extends MerchantConnection {

    public static final String BY_PAGE = "FacebookPageConnection.byPage";
    public static final String BY_MERCHANT = "FacebookPageConnection.byMerchant";
    public static final String BY_USER = "FacebookPageConnection.byUser";

    /** Digits only, checked before the row is written (a Page id ends up in storage keys). */
    @Column(name = "PAGE_ID", nullable = false, length = 30)
    private String pageId;

    @Column(name = "PAGE_NAME", length = 512)
    private String pageName;

    /** Null once Meta told us the user removed the app (deauthorize): the token is deleted at once. */
    @Column(name = "PAGE_TOKEN_SEALED", length = 2048)
    private String pageTokenSealed;

    /**
     * The app-scoped id of the Facebook user who connected the Page (digits only): Meta's
     * deauthorize and data-deletion callbacks name the user, never the Page.
     */
    @Column(name = "FACEBOOK_USER_ID", length = 30)
    private String facebookUserId;

    /** When the Page was last connected (granted through the Facebook dialog). */
    @Column(name = "LAST_CONNECTED_AT", nullable = false)
    private OffsetDateTime lastConnectedAt;

    protected FacebookPageConnection() {
        // for JPA
    }

    public FacebookPageConnection(String pageId, UUID merchant, OffsetDateTime now) {
        super(merchant, now);
        this.pageId = pageId;
        this.lastConnectedAt = now;
    }

    /** A (re)connect: the Page joins {@code merchant} with a fresh sealed token and is active again. */
    public void connect(UUID merchant, String name, String sealedPageToken, String facebookUserId, OffsetDateTime now) {
        belongTo(merchant);
        this.pageName = name;
        this.pageTokenSealed = sealedPageToken;
        this.facebookUserId = facebookUserId;
        activate(now);
        this.lastConnectedAt = now;
    }

    @Override
    public OffsetDateTime lastConnectedAt() {
        return lastConnectedAt;
    }

    /** The user who connected the Page removed the app: its token is deleted, and it waits for a new connect. */
    public void revoke(String reason, OffsetDateTime now) {
        this.pageTokenSealed = null;
        needsReconnect(reason, now);
    }

    /** Disconnected (by an operator or the merchant, as {@code reason} says): the Page token is deleted at once (the snapshot stays). */
    public void disconnect(String reason, OffsetDateTime now) {
        this.pageTokenSealed = null;
        markDisconnected(reason, now);
    }

    public String facebookUserId() {
        return facebookUserId;
    }

    @Override
    public String target() {
        return pageId;
    }

    /** The context that seals the Page's token. */
    public static String sealContext(String pageId) {
        return "facebook:page:" + pageId;
    }

    @Override
    public Map<String, String> sealedValues() {
        return pageTokenSealed == null ? Map.of() : Map.of(sealContext(pageId), pageTokenSealed);
    }

    @Override
    public void reseal(String context, String sealed) {
        if (!context.equals(sealContext(pageId))) {
            throw new IllegalArgumentException("the token of Page " + pageId + " is not sealed under " + context);
        }
        pageTokenSealed = sealed;
    }

    public String pageId() {
        return pageId;
    }

    public String pageName() {
        return pageName;
    }

    public String sealedPageToken() {
        return pageTokenSealed;
    }

    @Override
    public String toString() {
        return "FacebookPageConnection[page=" + pageId + ", merchant=" + merchantId() + ", status=" + status() + "]";
    }
}

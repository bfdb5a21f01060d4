package dev.salesbot.sync.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.OffsetDateTime;
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
@NamedQuery(name = FacebookPageConnection.BY_MERCHANT,
        query = "select c from FacebookPageConnection c where c.merchantId = :merchant order by c.pageId")
public class FacebookPageConnection extends MerchantConnection {

    public static final String BY_PAGE = "FacebookPageConnection.byPage";
    public static final String BY_MERCHANT = "FacebookPageConnection.byMerchant";

    /** Digits only, checked before the row is written (a Page id ends up in storage keys). */
    @Column(name = "PAGE_ID", nullable = false, length = 30)
    private String pageId;

    @Column(name = "PAGE_NAME", length = 512)
    private String pageName;

    @Column(name = "PAGE_TOKEN_SEALED", nullable = false, length = 2048)
    private String pageTokenSealed;

    protected FacebookPageConnection() {
        // for JPA
    }

    public FacebookPageConnection(String pageId, UUID merchant, OffsetDateTime now) {
        super(merchant, now);
        this.pageId = pageId;
    }

    /** A (re)connect: the Page joins {@code merchant} with a fresh sealed token and is active again. */
    public void connect(UUID merchant, String name, String sealedPageToken, OffsetDateTime now) {
        belongTo(merchant);
        this.pageName = name;
        this.pageTokenSealed = sealedPageToken;
        activate(now);
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

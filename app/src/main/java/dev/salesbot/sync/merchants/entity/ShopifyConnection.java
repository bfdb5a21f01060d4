package dev.salesbot.sync.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A store connected by a merchant. The access and refresh tokens are only ever held here as
 * {@code TokenCipher} ciphertext; {@link #toString()} shows neither.
 */
@Entity
@Table(name = "SHOPIFY_CONNECTION", uniqueConstraints = @UniqueConstraint(columnNames = "SHOP"))
@NamedQuery(name = ShopifyConnection.BY_SHOP, query = "select c from ShopifyConnection c where c.shop = :shop")
public class ShopifyConnection extends MerchantConnection {

    public static final String BY_SHOP = "ShopifyConnection.byShop";

    @Column(name = "SHOP", nullable = false, length = 255)
    private String shop;

    /** Null once the app is uninstalled: the token is deleted, not kept. */
    @Column(name = "ACCESS_TOKEN_SEALED", length = 2048)
    private String accessTokenSealed;

    @Column(name = "ACCESS_TOKEN_EXPIRES_AT")
    private OffsetDateTime accessTokenExpiresAt;

    @Column(name = "REFRESH_TOKEN_SEALED", length = 2048)
    private String refreshTokenSealed;

    @Column(name = "REFRESH_TOKEN_EXPIRES_AT")
    private OffsetDateTime refreshTokenExpiresAt;

    @Column(name = "SCOPE", length = 1024)
    private String scope;

    /** The webhook topics subscribed at this server's address when last checked (comma-separated). */
    @Column(name = "WEBHOOK_TOPICS", length = 1024)
    private String webhookTopics;

    /** Null when every wanted topic was subscribed at the last check, else what is missing and why. */
    @Column(name = "WEBHOOK_PROBLEM", length = 1024)
    private String webhookProblem;

    @Column(name = "WEBHOOKS_CHECKED_AT")
    private OffsetDateTime webhooksCheckedAt;

    /**
     * When the app was last installed (the latest connect through OAuth): lifecycle deliveries
     * triggered before it are about an earlier installation.
     */
    @Column(name = "INSTALLED_AT", nullable = false)
    private OffsetDateTime installedAt;

    protected ShopifyConnection() {
        // for JPA
    }

    public ShopifyConnection(String shop, UUID merchantId, OffsetDateTime now) {
        super(merchantId, now);
        this.shop = shop;
        this.installedAt = now;
    }

    /** A (re)install: fresh tokens, and the store is synced again whatever it was before. */
    public void connect(SealedTokens tokens, OffsetDateTime now) {
        seal(tokens, now);
        activate(now);
        this.installedAt = now;
    }

    /** When the app was last installed on the store. */
    public OffsetDateTime installedAt() {
        return installedAt;
    }

    @Override
    public OffsetDateTime lastConnectedAt() {
        return installedAt;
    }

    /** New tokens for the same grant (a refresh): the status is left as it is. */
    public void seal(SealedTokens tokens, OffsetDateTime now) {
        this.accessTokenSealed = tokens.accessToken();
        this.accessTokenExpiresAt = tokens.accessTokenExpiresAt();
        this.refreshTokenSealed = tokens.refreshToken();
        this.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt();
        this.scope = tokens.scope();
        changed(now);
    }

    /** The app was uninstalled: the tokens are deleted at once and the store is not synced any more. */
    public void uninstall(OffsetDateTime now) {
        forgetTokens();
        markUninstalled(now);
    }

    /** Disconnected (by an operator or the merchant, as {@code reason} says): the tokens are deleted at once (the snapshot stays where it is). */
    public void disconnect(String reason, OffsetDateTime now) {
        forgetTokens();
        markDisconnected(reason, now);
    }

    private void forgetTokens() {
        this.accessTokenSealed = null;
        this.refreshTokenSealed = null;
        this.accessTokenExpiresAt = null;
        this.refreshTokenExpiresAt = null;
        this.webhookTopics = null;
    }

    /** What the last webhook check found: the topics present at this server's address, and any problem. */
    public void webhooksChecked(String topics, String problem, OffsetDateTime now) {
        this.webhookTopics = topics;
        this.webhookProblem = problem == null || problem.length() <= 1024 ? problem : problem.substring(0, 1023) + "…";
        this.webhooksCheckedAt = now;
    }

    public String webhookTopics() {
        return webhookTopics;
    }

    public String webhookProblem() {
        return webhookProblem;
    }

    public OffsetDateTime webhooksCheckedAt() {
        return webhooksCheckedAt;
    }

    public SealedTokens sealedTokens() {
        return new SealedTokens(accessTokenSealed, accessTokenExpiresAt, refreshTokenSealed, refreshTokenExpiresAt, scope);
    }

    @Override
    public String target() {
        return shop;
    }

    /** The context that seals the store's {@code access} or {@code refresh} token. */
    public static String sealContext(String shop, String kind) {
        return "shopify:" + shop + ":" + kind;
    }

    @Override
    public Map<String, String> sealedValues() {
        Map<String, String> values = new LinkedHashMap<>();
        if (accessTokenSealed != null) {
            values.put(sealContext(shop, "access"), accessTokenSealed);
        }
        if (refreshTokenSealed != null) {
            values.put(sealContext(shop, "refresh"), refreshTokenSealed);
        }
        return values;
    }

    @Override
    public void reseal(String context, String sealed) {
        if (context.equals(sealContext(shop, "access"))) {
            accessTokenSealed = sealed;
        } else if (context.equals(sealContext(shop, "refresh"))) {
            refreshTokenSealed = sealed;
        } else {
            throw new IllegalArgumentException("no token of " + shop + " is sealed under " + context);
        }
    }

    public String shop() {
        return shop;
    }

    public String scope() {
        return scope;
    }

    @Override
    public String toString() {
        return "ShopifyConnection[shop=" + shop + ", merchant=" + merchantId() + ", status=" + status() + "]";
    }
}

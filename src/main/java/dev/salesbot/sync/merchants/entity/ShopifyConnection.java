package dev.salesbot.sync.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A store connected by a merchant. The access and refresh tokens are only ever held here as
 * {@code TokenCipher} ciphertext; {@link #toString()} shows neither.
 */
@Entity
@Table(name = "SHOPIFY_CONNECTION", uniqueConstraints = @UniqueConstraint(columnNames = "SHOP"))
@NamedQuery(name = ShopifyConnection.BY_SHOP, query = "select c from ShopifyConnection c where c.shop = :shop")
@NamedQuery(name = ShopifyConnection.ALL, query = "select c from ShopifyConnection c order by c.shop")
public class ShopifyConnection {

    public static final String BY_SHOP = "ShopifyConnection.byShop";
    public static final String ALL = "ShopifyConnection.all";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "SHOP", nullable = false, length = 255)
    private String shop;

    @Column(name = "MERCHANT_ID", nullable = false, length = 36)
    private String merchantId;

    @Column(name = "ACCESS_TOKEN_SEALED", nullable = false, length = 2048)
    private String accessTokenSealed;

    @Column(name = "ACCESS_TOKEN_EXPIRES_AT")
    private OffsetDateTime accessTokenExpiresAt;

    @Column(name = "REFRESH_TOKEN_SEALED", length = 2048)
    private String refreshTokenSealed;

    @Column(name = "REFRESH_TOKEN_EXPIRES_AT")
    private OffsetDateTime refreshTokenExpiresAt;

    @Column(name = "SCOPE", length = 1024)
    private String scope;

    @Column(name = "CONNECTED_AT", nullable = false)
    private OffsetDateTime connectedAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected ShopifyConnection() {
        // for JPA
    }

    public ShopifyConnection(String shop, UUID merchantId, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.shop = shop;
        this.merchantId = merchantId.toString();
        this.connectedAt = now;
        this.updatedAt = now;
    }

    public void seal(SealedTokens tokens, OffsetDateTime now) {
        this.accessTokenSealed = tokens.accessToken();
        this.accessTokenExpiresAt = tokens.accessTokenExpiresAt();
        this.refreshTokenSealed = tokens.refreshToken();
        this.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt();
        this.scope = tokens.scope();
        this.updatedAt = now;
    }

    public SealedTokens sealedTokens() {
        return new SealedTokens(accessTokenSealed, accessTokenExpiresAt, refreshTokenSealed, refreshTokenExpiresAt, scope);
    }

    public String id() {
        return id;
    }

    public String shop() {
        return shop;
    }

    public UUID merchantId() {
        return UUID.fromString(merchantId);
    }

    public String scope() {
        return scope;
    }

    public OffsetDateTime connectedAt() {
        return connectedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "ShopifyConnection[shop=" + shop + ", merchant=" + merchantId + "]";
    }
}

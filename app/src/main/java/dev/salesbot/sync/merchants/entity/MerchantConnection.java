package dev.salesbot.sync.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every connection of a merchant has: its own id, the merchant's UUID, when it was connected
 * and last changed, and an optimistic-lock version. Each subclass keeps its own table.
 */
@MappedSuperclass
public abstract class MerchantConnection {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "MERCHANT_ID", nullable = false, length = 36)
    private String merchantId;

    @Column(name = "CONNECTED_AT", nullable = false)
    private OffsetDateTime connectedAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected MerchantConnection() {
        // for JPA
    }

    protected MerchantConnection(UUID merchant, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.merchantId = merchant.toString();
        this.connectedAt = now;
        this.updatedAt = now;
    }

    protected void belongTo(UUID merchant) {
        this.merchantId = merchant.toString();
    }

    protected void changed(OffsetDateTime now) {
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public UUID merchantId() {
        return UUID.fromString(merchantId);
    }

    public OffsetDateTime connectedAt() {
        return connectedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}

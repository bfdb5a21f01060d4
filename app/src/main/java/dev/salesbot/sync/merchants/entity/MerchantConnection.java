package dev.salesbot.sync.merchants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * What every connection of a merchant has: its own id, the merchant's UUID, its status (with the
 * reason when it is not active), when it was connected and last changed, and an optimistic-lock
 * version. Each subclass keeps its own table.
 */
@MappedSuperclass
public abstract class MerchantConnection {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "MERCHANT_ID", nullable = false, length = 36)
    private String merchantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private ConnectionStatus status;

    @Column(name = "STATUS_REASON", length = 512)
    private String statusReason;

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
        this.status = ConnectionStatus.ACTIVE;
        this.connectedAt = now;
        this.updatedAt = now;
    }

    protected void belongTo(UUID merchant) {
        this.merchantId = merchant.toString();
    }

    protected void changed(OffsetDateTime now) {
        this.updatedAt = now;
    }

    /** A (re)connect made the connection usable again. */
    protected void activate(OffsetDateTime now) {
        this.status = ConnectionStatus.ACTIVE;
        this.statusReason = null;
        changed(now);
    }

    /** Kept out of syncs until the merchant connects again; {@code reason} is shown to them. */
    public void needsReconnect(String reason, OffsetDateTime now) {
        this.status = ConnectionStatus.NEEDS_RECONNECT;
        this.statusReason = reason == null || reason.length() <= 512 ? reason : reason.substring(0, 511) + "…";
        changed(now);
    }

    protected void markUninstalled(OffsetDateTime now) {
        this.status = ConnectionStatus.UNINSTALLED;
        this.statusReason = "The app was uninstalled from the store.";
        changed(now);
    }

    /** Disconnected on purpose; {@code reason} says by whom, and is shown to the merchant and the operators. */
    protected void markDisconnected(String reason, OffsetDateTime now) {
        this.status = ConnectionStatus.DISCONNECTED;
        this.statusReason = reason;
        changed(now);
    }

    /**
     * When the merchant last connected it (a store's latest install, a Page's latest grant): a
     * deletion asked before it removes the data of then, and keeps the connection made since.
     */
    public abstract OffsetDateTime lastConnectedAt();

    /** What its syncs name: the shop domain of a store, the id of a Page. */
    public abstract String target();

    /**
     * Each stored token, sealed, by the context that seals it (the cipher's associated data, so a
     * value copied onto another row does not open); empty once the tokens are deleted.
     */
    public abstract Map<String, String> sealedValues();

    /** The same token sealed again (under the current key) in place of the value of {@code context}. */
    public abstract void reseal(String context, String sealed);

    public ConnectionStatus status() {
        return status;
    }

    public boolean active() {
        return status == ConnectionStatus.ACTIVE;
    }

    public String statusReason() {
        return statusReason;
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

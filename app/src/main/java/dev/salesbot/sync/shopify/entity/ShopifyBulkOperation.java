package dev.salesbot.sync.shopify.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A bulk query a full sync of {@code shop} started, recorded the moment Shopify accepted it: the
 * sync waits for it across attempts, restarts and servers instead of starting it again, until the
 * snapshot it feeds is written (then the row is deleted). A part run again after a failure has a
 * row per run: the latest is the one waited for. {@code finishedStatus} is set by the
 * {@code bulk_operations/finish} webhook; the waiting sync reads it before asking Shopify.
 */
@Entity
@Table(name = "SHOPIFY_BULK_OPERATION", indexes = @Index(name = "SHOPIFY_BULK_OPERATION_SHOP", columnList = "SHOP"))
public class ShopifyBulkOperation {

    /** Shopify's id, {@code gid://shopify/BulkOperation/…}. */
    @Id
    @Column(name = "ID", length = 100)
    private String id;

    @Column(name = "SHOP", nullable = false, length = 255)
    private String shop;

    /** Which part of the catalog it reads ({@code BulkPart}). */
    @Column(name = "PART", nullable = false, length = 32)
    private String part;

    @Column(name = "CREATED_AT", nullable = false)
    private OffsetDateTime createdAt;

    /** Lower-case status from the finish webhook ({@code completed}, {@code failed} …), null until it came. */
    @Column(name = "FINISHED_STATUS", length = 16)
    private String finishedStatus;

    protected ShopifyBulkOperation() {
    }

    public ShopifyBulkOperation(String id, String shop, String part, OffsetDateTime createdAt) {
        this.id = id;
        this.shop = shop;
        this.part = part;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String shop() {
        return shop;
    }

    public String part() {
        return part;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String finishedStatus() {
        return finishedStatus;
    }

    public void finished(String status) {
        this.finishedStatus = status;
    }
}

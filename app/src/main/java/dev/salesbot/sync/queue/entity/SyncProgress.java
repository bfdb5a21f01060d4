package dev.salesbot.sync.queue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * How far a target's running full sync has got: products fetched so far, and the store's product
 * count when known (the connect's live read). In the database, not in memory, so that a merchant's
 * page served by one server shows the sync another server runs. Only a progress indicator: it is
 * reset when a full sync starts and never read by the sync itself.
 */
@Entity
@Table(name = "SYNC_PROGRESS")
public class SyncProgress {

    @Id
    @Column(name = "TARGET", length = 255)
    private String target;

    @Column(name = "FETCHED", nullable = false)
    private long fetched;

    @Column(name = "TOTAL", nullable = false)
    private long total;

    @Column(name = "UPDATED_AT", nullable = false)
    private OffsetDateTime updatedAt;

    protected SyncProgress() {
    }

    /** A new row, complete before it is persisted (Hibernate may insert it at once). */
    public SyncProgress(String target, OffsetDateTime at) {
        this.target = target;
        this.updatedAt = at;
    }

    public String target() { return target; }
    public long fetched() { return fetched; }
    public long total() { return total; }
    public OffsetDateTime updatedAt() { return updatedAt; }

    public void fetched(long fetched, OffsetDateTime at) {
        this.fetched = fetched;
        this.updatedAt = at;
    }

    public void total(long total, OffsetDateTime at) {
        this.total = total;
        this.updatedAt = at;
    }
}

package dev.salesbot.sync.storage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A storage key written for a target (a store or a Page), recorded before its object is written
 * and forgotten only once the object is deleted. A key names one target: a Page's key holds the
 * Page id, a store's key its merchant's UUID, which is that store's alone. {@code writes} counts
 * the writes recorded (0 for a key the upgrade to 0.3.0 recorded from a connection): a deletion
 * forgets a row only if no write was recorded for it since the deletion read it.
 */
@Entity
@Table(name = "STORAGE_OBJECT")
@NamedQuery(name = StorageObject.OF_TARGET, query = "select o from StorageObject o"
        + " where o.targetKind = :kind and o.target = :target order by o.objectKey")
@NamedQuery(name = StorageObject.FORGET, query = "delete from StorageObject o where o.objectKey = :key and o.writes = :writes")
public class StorageObject {

    public static final String OF_TARGET = "StorageObject.ofTarget";
    public static final String FORGET = "StorageObject.forget";

    @Id
    @Column(name = "OBJECT_KEY", length = 512)
    private String objectKey;

    /** {@code SHOPIFY_STORE} or {@code FACEBOOK_PAGE}. */
    @Column(name = "TARGET_KIND", nullable = false, length = 16)
    private String targetKind;

    /** The shop domain or the Page id: the sync target. */
    @Column(name = "TARGET", nullable = false, length = 255)
    private String target;

    @Column(name = "FIRST_RECORDED_AT", nullable = false)
    private OffsetDateTime firstRecordedAt;

    @Column(name = "LAST_RECORDED_AT", nullable = false)
    private OffsetDateTime lastRecordedAt;

    @Column(name = "WRITES", nullable = false)
    private long writes;

    protected StorageObject() {
        // for JPA
    }

    /** The first write of {@code objectKey}, about to happen. */
    public StorageObject(String objectKey, String targetKind, String target, OffsetDateTime now) {
        this.objectKey = objectKey;
        this.targetKind = targetKind;
        this.target = target;
        this.firstRecordedAt = now;
        this.lastRecordedAt = now;
        this.writes = 1;
    }

    /** Another write, about to happen, for {@code target} (which a key's own layout makes the same one). */
    public void written(String targetKind, String target, OffsetDateTime now) {
        this.targetKind = targetKind;
        this.target = target;
        this.lastRecordedAt = now;
        this.writes++;
    }

    public String objectKey() {
        return objectKey;
    }

    public String targetKind() {
        return targetKind;
    }

    public String target() {
        return target;
    }

    public long writes() {
        return writes;
    }
}

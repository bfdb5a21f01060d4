package dev.salesbot.sync.queue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * How a sync target (a shop domain or a Page id) fared, kept beyond the request history: the last
 * attempt and its result, the last success and the last write, the failures since, the snapshot's
 * counts, and the webhook subscriptions found at the last check. Written by partial updates only
 * (one per kind of fact), so a sync and a webhook check of one target never overwrite each other.
 */
@Entity
@Table(name = "TARGET_STATUS")
@NamedQuery(name = TargetStatus.SUCCEEDED, query = "update TargetStatus t set t.lastAttemptAt = :now, t.lastResult = :result,"
        + " t.lastMessage = :message, t.lastSuccessAt = :now, t.consecutiveFailures = 0 where t.target = :target")
@NamedQuery(name = TargetStatus.WRITTEN, query = "update TargetStatus t set t.lastWrittenAt = :now, t.counts = :counts"
        + " where t.target = :target")
@NamedQuery(name = TargetStatus.COUNTED, query = "update TargetStatus t set t.counts = :counts where t.target = :target")
@NamedQuery(name = TargetStatus.FAILED, query = "update TargetStatus t set t.lastAttemptAt = :now, t.lastResult = :result,"
        + " t.lastMessage = :message, t.lastError = :message, t.lastErrorAt = :now,"
        + " t.consecutiveFailures = t.consecutiveFailures + 1 where t.target = :target")
@NamedQuery(name = TargetStatus.WAITING, query = "update TargetStatus t set t.lastAttemptAt = :now, t.lastResult = :result,"
        + " t.lastMessage = :message where t.target = :target")
@NamedQuery(name = TargetStatus.WEBHOOKS, query = "update TargetStatus t set t.webhooksPresent = :present,"
        + " t.webhooksWanted = :wanted, t.webhooksCheckedAt = :now where t.target = :target")
@NamedQuery(name = TargetStatus.DELETE, query = "delete from TargetStatus t where t.target = :target")
public class TargetStatus {

    public static final String SUCCEEDED = "TargetStatus.succeeded";
    public static final String WRITTEN = "TargetStatus.written";
    public static final String COUNTED = "TargetStatus.counted";
    public static final String FAILED = "TargetStatus.failed";
    /** An attempt that waits for the platform (parked): neither a success nor a failure. */
    public static final String WAITING = "TargetStatus.waiting";
    public static final String WEBHOOKS = "TargetStatus.webhooks";
    public static final String DELETE = "TargetStatus.delete";

    @Id
    @Column(name = "TARGET", length = 255)
    private String target;

    @Column(name = "LAST_ATTEMPT_AT")
    private OffsetDateTime lastAttemptAt;

    @Column(name = "LAST_RESULT", length = 16)
    private String lastResult;

    @Column(name = "LAST_MESSAGE", length = 1000)
    private String lastMessage;

    @Column(name = "LAST_SUCCESS_AT")
    private OffsetDateTime lastSuccessAt;

    @Column(name = "LAST_WRITTEN_AT")
    private OffsetDateTime lastWrittenAt;

    @Column(name = "CONSECUTIVE_FAILURES", nullable = false)
    private int consecutiveFailures;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    @Column(name = "LAST_ERROR_AT")
    private OffsetDateTime lastErrorAt;

    /** The snapshot's counts as JSON ({"products":…} or {"fields":…}). */
    @Column(name = "COUNTS", length = 1000)
    private String counts;

    /** The subscriptions found at the last check, comma-separated (Shopify topics or Page fields). */
    @Column(name = "WEBHOOKS_PRESENT", length = 1024)
    private String webhooksPresent;

    @Column(name = "WEBHOOKS_WANTED", length = 1024)
    private String webhooksWanted;

    @Column(name = "WEBHOOKS_CHECKED_AT")
    private OffsetDateTime webhooksCheckedAt;

    protected TargetStatus() {
        // for JPA
    }

    public TargetStatus(String target) {
        this.target = target;
    }

    public String target() { return target; }
    public OffsetDateTime lastAttemptAt() { return lastAttemptAt; }
    public String lastResult() { return lastResult; }
    public String lastMessage() { return lastMessage; }
    public OffsetDateTime lastSuccessAt() { return lastSuccessAt; }
    public OffsetDateTime lastWrittenAt() { return lastWrittenAt; }
    public int consecutiveFailures() { return consecutiveFailures; }
    public String lastError() { return lastError; }
    public OffsetDateTime lastErrorAt() { return lastErrorAt; }
    public String counts() { return counts; }
    public String webhooksPresent() { return webhooksPresent; }
    public String webhooksWanted() { return webhooksWanted; }
    public OffsetDateTime webhooksCheckedAt() { return webhooksCheckedAt; }
}

package dev.salesbot.sync.queue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A change that must reach storage: recorded durably before anyone is told "accepted", closed
 * only when its snapshot was written (or found unchanged), or abandoned when retrying cannot help.
 * A pending request with a message (or an attempt) was run before and waits, parked or postponed,
 * until {@code notBefore}: its message says why.
 */
@Entity
@Table(name = "SYNC_REQUEST", indexes = @Index(name = "SYNC_REQUEST_DUE", columnList = "STATE, NOT_BEFORE"))
@NamedQuery(name = SyncRequest.DUE_TARGETS, query = "select r.target, r.kind, min(r.notBefore) as firstDue from SyncRequest r"
        + " where r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING and r.notBefore <= :now"
        + " and r.kind not in :coalescible group by r.target, r.kind order by firstDue")
@NamedQuery(name = SyncRequest.READY_CHANGES, query = "select r.target, min(r.createdAt) as firstChange, max(r.notBefore), count(r.message)"
        + " from SyncRequest r where r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING and r.kind in :coalescible"
        + " group by r.target having max(r.notBefore) <= :now or min(r.createdAt) <= :overdue order by firstChange")
@NamedQuery(name = SyncRequest.PENDING_OF, query = "select r from SyncRequest r where r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING"
        + " and r.target = :target order by r.createdAt")
@NamedQuery(name = SyncRequest.ABANDON_PENDING_OF, query = "update SyncRequest r set r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.ABANDONED,"
        + " r.outcome = 'failed', r.message = :reason, r.finishedAt = :now"
        + " where r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING and r.target = :target")
@NamedQuery(name = SyncRequest.CLOSE, query = "update SyncRequest r set r.state = :state, r.outcome = :outcome,"
        + " r.message = :message, r.finishedAt = :now"
        + " where r.id in :ids and r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING")
@NamedQuery(name = SyncRequest.RETRY, query = "update SyncRequest r set r.attempts = r.attempts + 1, r.notBefore = :when,"
        + " r.message = :message where r.id in :ids and r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING")
@NamedQuery(name = SyncRequest.PARK, query = "update SyncRequest r set r.notBefore = :when, r.message = :message"
        + " where r.id in :ids and r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING")
@NamedQuery(name = SyncRequest.RESUME, query = "update SyncRequest r set r.notBefore = :now where r.target = :target"
        + " and r.state = dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING and r.kind in :kinds and r.notBefore > :now"
        + " and (r.message is not null or r.attempts > 0)")
@NamedQuery(name = SyncRequest.PURGE_FINISHED, query = "delete from SyncRequest r where r.state <> dev.salesbot.sync.queue.entity.SyncRequest.State.PENDING"
        + " and r.finishedAt < :before")
public class SyncRequest {

    public static final String DUE_TARGETS = "SyncRequest.dueTargets";
    public static final String READY_CHANGES = "SyncRequest.readyChanges";
    public static final String CLOSE = "SyncRequest.close";
    public static final String RETRY = "SyncRequest.retry";
    public static final String PARK = "SyncRequest.park";
    public static final String RESUME = "SyncRequest.resume";
    public static final String PURGE_FINISHED = "SyncRequest.purgeFinished";
    public static final String PENDING_OF = "SyncRequest.pendingOf";
    public static final String ABANDON_PENDING_OF = "SyncRequest.abandonPendingOf";

    public enum State { PENDING, DONE, ABANDONED }

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "KIND", nullable = false, length = 32)
    private String kind;

    @Column(name = "TARGET", nullable = false, length = 255)
    private String target;

    @Column(name = "MERCHANT_ID", nullable = false, length = 36)
    private String merchantId;

    /** What a partial sync must fetch (the changes webhooks announced, one a line); null for the other kinds. */
    @Column(name = "PAYLOAD", length = 20000)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 16)
    private State state;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NOT_BEFORE", nullable = false)
    private OffsetDateTime notBefore;

    @Column(name = "CREATED_AT", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "FINISHED_AT")
    private OffsetDateTime finishedAt;

    @Column(name = "OUTCOME", length = 16)
    private String outcome;

    @Column(name = "MESSAGE", length = 1000)
    private String message;

    protected SyncRequest() {
        // for JPA
    }

    public SyncRequest(String id, String kind, String target, UUID merchant, String payload, OffsetDateTime now,
                       OffsetDateTime notBefore) {
        this.id = id;
        this.kind = kind;
        this.target = target;
        this.merchantId = merchant.toString();
        this.payload = payload;
        this.state = State.PENDING;
        this.createdAt = now;
        this.notBefore = notBefore;
    }

    public void done(String outcome, String message, OffsetDateTime now) {
        this.state = State.DONE;
        this.outcome = outcome;
        this.message = clip(message);
        this.finishedAt = now;
    }

    public void retryAt(OffsetDateTime when, String error) {
        this.attempts++;
        this.notBefore = when;
        this.message = clip(error);
    }

    public void abandon(String reason, OffsetDateTime now) {
        this.state = State.ABANDONED;
        this.outcome = "failed";
        this.message = clip(reason);
        this.finishedAt = now;
    }

    /** A message as stored: at most 1,000 characters. */
    public static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }

    public String id() { return id; }
    public String kind() { return kind; }
    public String target() { return target; }
    public String merchantId() { return merchantId; }
    public String payload() { return payload; }
    public State state() { return state; }
    public int attempts() { return attempts; }
    public OffsetDateTime notBefore() { return notBefore; }
    public OffsetDateTime createdAt() { return createdAt; }
    public String outcome() { return outcome; }
    public String message() { return message; }
    public OffsetDateTime finishedAt() { return finishedAt; }
}

package dev.salesbot.sync.queue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Which server runs a target's sync now, and until when its claim holds: a server that dies
 * (or stalls past {@code SYNC_LEASE_SECONDS} without renewing) loses it, and another may take the
 * target. Times are epoch milliseconds of the claiming server's clock (servers keep NTP time; the
 * lease is minutes, the drift milliseconds).
 */
@Entity
@Table(name = "SYNC_LEASE")
@NamedQuery(name = SyncLease.TAKE_EXPIRED, query = "update SyncLease l set l.holder = :holder, l.expiresAt = :until"
        + " where l.target = :target and l.expiresAt < :now")
@NamedQuery(name = SyncLease.RENEW, query = "update SyncLease l set l.expiresAt = :until"
        + " where l.holder = :holder and l.target in :targets")
@NamedQuery(name = SyncLease.RELEASE, query = "delete from SyncLease l where l.target = :target and l.holder = :holder")
public class SyncLease {

    public static final String TAKE_EXPIRED = "SyncLease.takeExpired";
    public static final String RENEW = "SyncLease.renew";
    public static final String RELEASE = "SyncLease.release";

    @Id
    @Column(name = "TARGET", length = 255)
    private String target;

    @Column(name = "HOLDER", nullable = false, length = 64)
    private String holder;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    protected SyncLease() {
        // for JPA
    }

    public SyncLease(String target, String holder, long expiresAt) {
        this.target = target;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    public String holder() {
        return holder;
    }

    public long expiresAt() {
        return expiresAt;
    }
}

package dev.salesbot.sync.queue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Which server runs a target's sync now, until when its claim holds, and the claim's generation
 * (a fencing token): each claim of a target gets a higher generation than every claim before it,
 * so a server that lost its claim — stalled past {@code SYNC_LEASE_SECONDS} without renewing, and
 * another server took the target — finds out when it confirms its generation before a write. Times
 * are epoch milliseconds of the database's clock, the one clock every server shares. A row is
 * never deleted: a released lease has no holder and has expired, and its generation counts on.
 */
@Entity
@Table(name = "SYNC_LEASE")
@NamedQuery(name = SyncLease.TAKE_EXPIRED, query = "update SyncLease l set l.holder = :holder, l.expiresAt = :until,"
        + " l.generation = l.generation + 1 where l.target = :target and l.expiresAt < :now")
@NamedQuery(name = SyncLease.EXTEND, query = "update SyncLease l set l.expiresAt = :until"
        + " where l.target = :target and l.holder = :holder and l.generation = :generation and l.expiresAt >= :now")
@NamedQuery(name = SyncLease.RELEASE, query = "update SyncLease l set l.holder = '', l.expiresAt = 0"
        + " where l.target = :target and l.holder = :holder and l.generation = :generation")
@NamedQuery(name = SyncLease.GENERATION, query = "select l.generation from SyncLease l where l.target = :target and l.holder = :holder")
public class SyncLease {

    public static final String TAKE_EXPIRED = "SyncLease.takeExpired";
    public static final String EXTEND = "SyncLease.extend";
    public static final String GENERATION = "SyncLease.generation";
    public static final String RELEASE = "SyncLease.release";

    @Id
    @Column(name = "TARGET", length = 255)
    private String target;

    @Column(name = "HOLDER", nullable = false, length = 64)
    private String holder;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "GENERATION", nullable = false)
    private long generation;

    protected SyncLease() {
        // for JPA
    }

    /** The first claim of {@code target}: generation 1. */
    public SyncLease(String target, String holder, long expiresAt) {
        this.target = target;
        this.holder = holder;
        this.expiresAt = expiresAt;
        this.generation = 1;
    }

    public String holder() {
        return holder;
    }

    public long expiresAt() {
        return expiresAt;
    }

    public long generation() {
        return generation;
    }
}

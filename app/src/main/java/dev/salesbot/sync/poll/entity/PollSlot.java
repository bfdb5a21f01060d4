package dev.salesbot.sync.poll.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * When a connection (a store or a Page, by its sync target) is polled next. A server takes a due
 * slot by a conditional update of its {@code ROUND} (the first server's update wins, a second finds
 * the round moved on and changes nothing), moving it one interval on and recording the poll's sync
 * request in the same transaction: each connection is polled once per cycle, not once per server.
 * Times are epoch milliseconds.
 */
@Entity
@Table(name = "POLL_SLOT", indexes = @Index(name = "POLL_SLOT_DUE", columnList = "NEXT_POLL_AT"))
@NamedQuery(name = PollSlot.DUE, query = "select s from PollSlot s where s.nextPollAt <= :now order by s.nextPollAt")
@NamedQuery(name = PollSlot.TAKE, query = "update PollSlot s set s.nextPollAt = :next, s.round = s.round + 1,"
        + " s.lastPolledAt = :now where s.target = :target and s.round = :round")
@NamedQuery(name = PollSlot.ALL_DUE_NOW, query = "update PollSlot s set s.nextPollAt = :now")
@NamedQuery(name = PollSlot.COUNT, query = "select count(s) from PollSlot s")
public class PollSlot {

    public static final String DUE = "PollSlot.due";
    public static final String TAKE = "PollSlot.take";
    public static final String ALL_DUE_NOW = "PollSlot.allDueNow";
    public static final String COUNT = "PollSlot.count";

    @Id
    @Column(name = "TARGET", length = 255)
    private String target;

    /** The sync kind a poll of this target records (a full read). */
    @Column(name = "KIND", nullable = false, length = 32)
    private String kind;

    @Column(name = "NEXT_POLL_AT", nullable = false)
    private long nextPollAt;

    @Column(name = "LAST_POLLED_AT")
    private Long lastPolledAt;

    @Column(name = "ROUND", nullable = false)
    private long round;

    protected PollSlot() {
        // for JPA
    }

    public PollSlot(String target, String kind, long nextPollAt) {
        this.target = target;
        this.kind = kind;
        this.nextPollAt = nextPollAt;
    }

    public String target() {
        return target;
    }

    public String kind() {
        return kind;
    }

    public long nextPollAt() {
        return nextPollAt;
    }

    public Long lastPolledAt() {
        return lastPolledAt;
    }

    public long round() {
        return round;
    }
}

package dev.salesbot.sync.facebook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A data-deletion request Meta forwarded for a user, known by the confirmation code the user gets.
 * Only counts and times are kept — not who asked — so the status page can say what was done.
 */
@Entity
@Table(name = "FACEBOOK_DATA_DELETION")
@NamedQuery(name = FacebookDataDeletion.COUNT_PAGE, query = "update FacebookDataDeletion d set d.pagesDeleted = d.pagesDeleted + 1"
        + " where d.code = :code and d.pagesDeleted < d.pages")
@NamedQuery(name = FacebookDataDeletion.COMPLETE, query = "update FacebookDataDeletion d set d.completedAt = :now"
        + " where d.code = :code and d.pagesDeleted = d.pages and d.completedAt is null")
public class FacebookDataDeletion {

    /**
     * One of its Pages is gone. An update in the database, not a read-modify-write: the Pages of
     * one request are deleted concurrently, and two increments must not become one.
     */
    public static final String COUNT_PAGE = "FacebookDataDeletion.countPage";
    /** The last Page completes the request. */
    public static final String COMPLETE = "FacebookDataDeletion.complete";

    @Id
    @Column(name = "CODE", length = 32)
    private String code;

    @Column(name = "PAGES", nullable = false)
    private int pages;

    @Column(name = "PAGES_DELETED", nullable = false)
    private int pagesDeleted;

    @Column(name = "REQUESTED_AT", nullable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "COMPLETED_AT")
    private OffsetDateTime completedAt;

    protected FacebookDataDeletion() {
        // for JPA
    }

    public FacebookDataDeletion(String code, int pages, OffsetDateTime now) {
        this.code = code;
        this.pages = pages;
        this.requestedAt = now;
        if (pages == 0) {
            this.completedAt = now;
        }
    }

    public String code() {
        return code;
    }

    public int pages() {
        return pages;
    }

    public int pagesDeleted() {
        return pagesDeleted;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public OffsetDateTime completedAt() {
        return completedAt;
    }

    public boolean done() {
        return completedAt != null;
    }
}

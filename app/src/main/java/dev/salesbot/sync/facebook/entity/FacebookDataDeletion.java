package dev.salesbot.sync.facebook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A data-deletion request Meta forwarded for a user, known by the confirmation code the user gets.
 * Only counts and times are kept — not who asked — so the status page can say what was done.
 */
@Entity
@Table(name = "FACEBOOK_DATA_DELETION")
public class FacebookDataDeletion {

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

    /** One of its Pages is gone; the last one completes the request. */
    public void pageDeleted(OffsetDateTime now) {
        pagesDeleted = Math.min(pages, pagesDeleted + 1);
        if (pagesDeleted == pages && completedAt == null) {
            completedAt = now;
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

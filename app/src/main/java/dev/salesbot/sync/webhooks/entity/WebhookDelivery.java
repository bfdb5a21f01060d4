package dev.salesbot.sync.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A webhook delivery already accepted, by the platform's own id for it ({@code X-Shopify-Webhook-Id},
 * or a digest of a Meta entry): the primary key makes a repeat delivery a no-op, even when two
 * copies arrive at two servers at once. How long rows are kept is the deliveries control's rule.
 */
@Entity
@Table(name = "WEBHOOK_DELIVERY", indexes = {
        @Index(name = "WEBHOOK_DELIVERY_RECEIVED", columnList = "RECEIVED_AT"),
        @Index(name = "WEBHOOK_DELIVERY_SOURCE", columnList = "SOURCE, RECEIVED_AT")})
@NamedQuery(name = WebhookDelivery.PURGE, query = "delete from WebhookDelivery d where d.receivedAt < :before")
public class WebhookDelivery {

    public static final String PURGE = "WebhookDelivery.purge";

    @Id
    @Column(name = "ID", length = 128)
    private String id;

    @Column(name = "PLATFORM", nullable = false, length = 16)
    private String platform;

    /** The shop domain or the Page id the delivery was about. */
    @Column(name = "SOURCE", nullable = false, length = 255)
    private String source;

    @Column(name = "TOPIC", nullable = false, length = 64)
    private String topic;

    @Column(name = "RECEIVED_AT", nullable = false)
    private OffsetDateTime receivedAt;

    protected WebhookDelivery() {
        // for JPA
    }

    public WebhookDelivery(String id, String platform, String source, String topic, OffsetDateTime receivedAt) {
        this.id = id;
        this.platform = platform;
        this.source = source;
        this.topic = topic;
        this.receivedAt = receivedAt;
    }

    public String id() {
        return id;
    }

    public String platform() {
        return platform;
    }

    public String source() {
        return source;
    }

    public String topic() {
        return topic;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }
}

package dev.salesbot.sandbox.shopify.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The webhook subscriptions one store holds, kept in creation (and id) order. */
final class WebhookSubscriptions {

    /** One subscription, as {@code webhookSubscriptionCreate} stored it. */
    record Subscription(long id, String topic, String uri, String format, List<String> includeFields,
                        String filter, String name, Instant createdAt) {
    }

    private final AtomicLong nextId = new AtomicLong(1_400_000_000L);
    private final List<Subscription> subscriptions = new ArrayList<>();

    synchronized List<Subscription> all() {
        return List.copyOf(subscriptions);
    }

    synchronized Optional<Subscription> find(long id) {
        return subscriptions.stream().filter(s -> s.id() == id).findFirst();
    }

    synchronized boolean exists(String topic, String uri) {
        return subscriptions.stream().anyMatch(s -> s.topic().equals(topic) && s.uri().equals(uri));
    }

    synchronized Subscription add(String topic, String uri, String format, List<String> includeFields,
                                  String filter, String name, Instant now) {
        Subscription s = new Subscription(nextId.addAndGet(1 + (now.getNano() & 7)), topic, uri, format,
                includeFields, filter, name, now);
        subscriptions.add(s);
        return s;
    }

    synchronized boolean remove(long id) {
        return subscriptions.removeIf(s -> s.id() == id);
    }
}

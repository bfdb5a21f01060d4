package dev.salesbot.sandbox.facebook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's webhook subscriptions ({@code /{app-id}/subscriptions}): per object type ({@code page},
 * {@code user}), the callback URL Meta posts to, the verify token it sends with verification
 * requests and the fields it notifies about. A new POST for an object replaces its subscription.
 */
final class AppSubscriptions {

    /** One object's subscription, as {@code POST /{app-id}/subscriptions} left it. */
    record Subscription(String object, String callbackUrl, String verifyToken, List<String> fields,
                        boolean includeValues, boolean active) {

        Subscription {
            fields = List.copyOf(fields);
        }
    }

    static final List<String> OBJECTS = List.of("page", "user", "permissions", "application");

    private final Map<String, Subscription> byObject = new ConcurrentHashMap<>();

    void put(Subscription subscription) {
        byObject.put(subscription.object(), subscription);
    }

    Optional<Subscription> of(String object) {
        return Optional.ofNullable(byObject.get(object));
    }

    boolean remove(String object) {
        return byObject.remove(object) != null;
    }

    Map<String, Subscription> all() {
        return new TreeMap<>(byObject);
    }

    void clear() {
        byObject.clear();
    }
}

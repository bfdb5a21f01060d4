package dev.salesbot.sandbox.shopify.admin;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the sandbox delivered for one store, and the knobs tests turn: for assertions on the app's behaviour. */
final class DeliveryLog {

    static final int KEPT = 500;

    /** One attempt: which webhook, its topic, the answer's status (0: no answer) and which retry it was. */
    record Attempt(String webhookId, String topic, int status, int retry) {
    }

    private final Map<String, Long> deliveredByTopic = new TreeMap<>();
    private final Deque<Attempt> recent = new ArrayDeque<>();
    private long attempts;
    private long failures;
    private long subscriptionsRemoved;
    private boolean duplicate;

    synchronized void attempted(String webhookId, String topic, int status, int retry) {
        attempts++;
        boolean ok = status >= 200 && status < 300;
        if (ok) {
            deliveredByTopic.merge(topic, 1L, Long::sum);
        } else {
            failures++;
        }
        recent.addLast(new Attempt(webhookId, topic, status, retry));
        while (recent.size() > KEPT) {
            recent.removeFirst();
        }
    }

    synchronized void subscriptionRemoved() {
        subscriptionsRemoved++;
    }

    synchronized boolean duplicate() {
        return duplicate;
    }

    synchronized void duplicate(boolean on) {
        duplicate = on;
    }

    synchronized void reset() {
        deliveredByTopic.clear();
        recent.clear();
        attempts = failures = subscriptionsRemoved = 0;
    }

    synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attempts", attempts);
        m.put("failures", failures);
        m.put("delivered", Map.copyOf(deliveredByTopic));
        m.put("subscriptionsRemoved", subscriptionsRemoved);
        m.put("duplicate", duplicate);
        m.put("recent", List.copyOf(recent).stream().map(a -> Map.of("webhookId", a.webhookId(), "topic", a.topic(),
                "status", a.status(), "retry", a.retry())).toList());
        return m;
    }
}

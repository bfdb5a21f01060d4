package dev.salesbot.sandbox.facebook;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** How many requests reached the simulated Facebook, by method and path (without the version). */
final class RequestStats {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong withProof = new AtomicLong();
    private final AtomicLong withoutProof = new AtomicLong();
    private final AtomicLong legacyRefused = new AtomicLong();
    private final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();

    void count(String method, String path) {
        requests.incrementAndGet();
        byPath.computeIfAbsent(method + " " + path, key -> new AtomicLong()).incrementAndGet();
    }

    /** A Graph call with a user or Page token, with or without {@code appsecret_proof}. */
    void proof(boolean present) {
        (present ? withProof : withoutProof).incrementAndGet();
    }

    /** A call refused under v27's rules (a field alias or a multi-id request). */
    void refusedLegacy() {
        legacyRefused.incrementAndGet();
    }

    long legacyRefused() {
        return legacyRefused.get();
    }

    long withProof() {
        return withProof.get();
    }

    long withoutProof() {
        return withoutProof.get();
    }

    long requests() {
        return requests.get();
    }

    /** Sorted so that a test's failure message is readable. */
    Map<String, Long> byPath() {
        Map<String, Long> copy = new TreeMap<>();
        byPath.forEach((path, count) -> copy.put(path, count.get()));
        return copy;
    }

    void clear() {
        requests.set(0);
        withProof.set(0);
        withoutProof.set(0);
        legacyRefused.set(0);
        byPath.clear();
    }
}

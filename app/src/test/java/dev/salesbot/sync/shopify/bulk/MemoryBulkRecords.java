package dev.salesbot.sync.shopify.bulk;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The bulk operations a fetch started, kept in memory as the database rows keep them (tests and the bench). */
public final class MemoryBulkRecords implements BulkCatalogFetch.Records {

    private final Map<BulkPart, String> started = new EnumMap<>(BulkPart.class);
    private final Map<BulkPart, Integer> runs = new EnumMap<>(BulkPart.class);
    private java.time.Instant lastStarted;
    private boolean forgotten;

    @Override
    public synchronized Map<BulkPart, String> of(String shop) {
        Map<BulkPart, String> copy = new EnumMap<>(BulkPart.class);
        copy.putAll(started);
        return copy;
    }

    @Override
    public synchronized void started(String shop, BulkPart part, String id) {
        started.put(part, id);
        runs.merge(part, 1, Integer::sum);
        lastStarted = java.time.Instant.now();
    }

    @Override
    public synchronized Map<BulkPart, Integer> runs(String shop) {
        Map<BulkPart, Integer> copy = new EnumMap<>(BulkPart.class);
        copy.putAll(runs);
        return copy;
    }

    @Override
    public synchronized Optional<java.time.Instant> lastStarted(String shop) {
        return started.isEmpty() ? Optional.empty() : Optional.of(lastStarted);
    }

    @Override
    public Optional<String> finishedStatus(String id) {
        return Optional.empty(); // no finish webhook reaches a test or the bench: they wait by polling
    }

    @Override
    public synchronized void forget(String shop) {
        started.clear();
        runs.clear();
        forgotten = true;
    }

    public synchronized Map<BulkPart, String> started() {
        return of("");
    }

    public synchronized boolean forgotten() {
        return forgotten;
    }
}

package dev.salesbot.sandbox.shopify.admin;

import java.time.InstantSource;
import java.util.Optional;

/**
 * Everything the simulated Admin API keeps for one store: its catalog, rate-limit bucket, webhook
 * subscriptions, request statistics and pending injected faults.
 */
final class SandboxShop {

    /** A pending fault: the next {@code remaining} Admin calls answer {@code status}. */
    private record Fault(int status, int remaining) {
    }

    private final String name;
    private final LeakyBucket bucket;
    private final WebhookSubscriptions webhooks = new WebhookSubscriptions();
    private final DeliveryLog deliveries = new DeliveryLog();
    /** Where the store's webhooks go (topic, payload); by default nowhere, as in unit tests. */
    private volatile java.util.function.BiConsumer<String, java.util.Map<String, Object>> events = (topic, payload) -> { };
    private final ShopStats stats = new ShopStats();
    private volatile Catalog catalog;
    private Fault fault;
    /** {@code Type.field}s denied whatever the scopes, as a store's staff permissions can deny them. */
    private volatile java.util.Set<String> deniedFields = java.util.Set.of();

    SandboxShop(String name, int products, double bucketSize, double restoreRate, InstantSource clock) {
        this.name = name;
        this.catalog = CatalogSeeder.seed(name, products);
        this.bucket = new LeakyBucket(bucketSize, restoreRate, clock);
        this.bulk = new BulkOperations(this, clock);
    }

    private final BulkOperations bulk;
    /** Where this sandbox serves bulk results ({@code …/sandbox/}): the base URI of the last Admin request. */
    private volatile java.net.URI resultsBase = java.net.URI.create("http://127.0.0.1/sandbox/");

    BulkOperations bulk() {
        return bulk;
    }

    java.net.URI resultsBase() {
        return resultsBase;
    }

    void resultsBase(java.net.URI base) {
        resultsBase = base;
    }

    String name() {
        return name;
    }

    Catalog catalog() {
        return catalog;
    }

    LeakyBucket bucket() {
        return bucket;
    }

    WebhookSubscriptions webhooks() {
        return webhooks;
    }

    ShopStats stats() {
        return stats;
    }

    DeliveryLog deliveries() {
        return deliveries;
    }

    void onEvent(java.util.function.BiConsumer<String, java.util.Map<String, Object>> sink) {
        events = sink;
    }

    /** A change Shopify sends a webhook for: {@code topic} in header form ({@code products/update}). */
    void emit(String topic, java.util.Map<String, Object> payload) {
        events.accept(topic, payload);
    }

    void reseed(int products) {
        catalog = CatalogSeeder.seed(name, products);
    }

    /** Extra time every Admin call of this store takes (0–30 s), for tests of what happens meanwhile. */
    private volatile long latencyMillis;

    long latencyMillis() {
        return latencyMillis;
    }

    void latency(long millis) {
        latencyMillis = Math.max(0, Math.min(30_000, millis));
    }

    java.util.Set<String> deniedFields() {
        return deniedFields;
    }

    void denyFields(java.util.Collection<String> fields) {
        deniedFields = java.util.Set.copyOf(fields);
    }

    synchronized void failNext(Integer status, int count) {
        fault = status == null || count <= 0 ? null : new Fault(status, count);
    }

    /** The status the next call must fail with, consuming one pending fault. */
    synchronized Optional<Integer> takeFault() {
        if (fault == null) {
            return Optional.empty();
        }
        int status = fault.status();
        fault = fault.remaining() > 1 ? new Fault(status, fault.remaining() - 1) : null;
        return Optional.of(status);
    }
}

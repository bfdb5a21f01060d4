package dev.salesbot.sync.monitoring.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * The application's meters, in one Micrometer registry published twice: as Prometheus text (the
 * admin API's scrape endpoint) and over JMX (domain {@value #JMX_DOMAIN}), so JConsole, VisualVM
 * and the servers' own JMX monitoring see them on Payara and WildFly alike. Every name is listed in
 * the README's Monitoring section; tags never carry a shop, a Page or anything a merchant typed
 * (their number would be unbounded).
 */
@ApplicationScoped
public class Meters {

    public static final String JMX_DOMAIN = "dev.salesbot.sync.metrics";

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private PrometheusMeterRegistry prometheus;
    private JmxMeterRegistry jmx;
    private final AtomicInteger graphUsage = new AtomicInteger();
    private final AtomicInteger bulkQueries = new AtomicInteger(1);
    /** The counters of the hot paths, built once (a builder per call would allocate an id and look it up each time). */
    private final java.util.Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.add(prometheus);
        try {
            jmx = new JmxMeterRegistry(new JmxConfig() {
                @Override
                public String get(String key) {
                    return null;
                }

                @Override
                public String domain() {
                    return JMX_DOMAIN;
                }
            }, io.micrometer.core.instrument.Clock.SYSTEM);
            registry.add(jmx);
        } catch (RuntimeException e) {
            System.getLogger(Meters.class.getName()).log(System.Logger.Level.WARNING,
                    "Metrics are not published over JMX: {0}", e.toString());
        }
        // Every counter exists from the start, at 0: a rate needs the series before its first event.
        for (String platform : new String[]{"shopify", "facebook"}) {
            for (String receipt : new String[]{"recorded", "duplicate", "dropped", "ignored", "test"}) {
                received(platform, receipt);
            }
            rejected(platform);
        }
        requests();
        cost();
        throttled();
        graphRequests();
        bulkRefused();
        Gauge.builder("salesbot.shopify.bulk.queries.enabled", bulkQueries, AtomicInteger::get)
                .description("1 while Shopify runs this app's bulk queries, 0 since it refused them (Partner Dashboard: Allow bulk queries)")
                .register(registry);
        Gauge.builder("salesbot.facebook.usage", graphUsage, AtomicInteger::get).baseUnit("percent")
                .description("Meta's X-App-Usage / X-Business-Use-Case-Usage in the last Graph answer (highest figure)")
                .register(registry);
    }

    @PreDestroy
    void stop() {
        registry.close();
    }

    /** For tests of the classes that count: a registry that only keeps the figures. */
    public static Meters inMemory() {
        Meters meters = new Meters();
        meters.registry.add(new SimpleMeterRegistry());
        return meters;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition (format 0.0.4) of every meter. */
    public String scrape() {
        return prometheus == null ? "" : prometheus.scrape();
    }

    /** A verified webhook delivery and what became of it (recorded, duplicate, dropped, ignored, test). */
    public void webhookReceived(String platform, String receipt) {
        received(platform, receipt.toLowerCase(Locale.ROOT)).increment();
    }

    private Counter received(String platform, String receipt) {
        return counters.computeIfAbsent("received " + platform + " " + receipt, k -> Counter.builder("salesbot.webhooks.received").description("Webhook deliveries whose signature was valid, by what became of them")
                .tag("platform", platform).tag("receipt", receipt).register(registry));
    }

    private Counter rejected(String platform) {
        return counters.computeIfAbsent("rejected " + platform, k -> Counter.builder("salesbot.webhooks.rejected")
                .description("Webhook deliveries refused (signature, size or shape)").tag("platform", platform).register(registry));
    }

    private Counter requests() {
        return counters.computeIfAbsent("shopify requests", k -> Counter.builder("salesbot.shopify.requests")
                .description("Admin GraphQL requests sent").register(registry));
    }

    private Counter cost() {
        return counters.computeIfAbsent("shopify cost", k -> Counter.builder("salesbot.shopify.cost").baseUnit("points")
                .description("Admin API points spent (actualQueryCost)").register(registry));
    }

    private Counter throttled() {
        return counters.computeIfAbsent("shopify throttled", k -> Counter.builder("salesbot.shopify.throttled")
                .description("Admin API answers that were THROTTLED or 429").register(registry));
    }

    private Counter bulkRefused() {
        return counters.computeIfAbsent("shopify bulk refused", k -> Counter.builder("salesbot.shopify.bulk.refused")
                .description("Full syncs that paged because Shopify refused the app's bulk queries").register(registry));
    }

    /** Shopify refused the app's bulk queries: the sync pages. */
    public void bulkQueriesRefused() {
        bulkRefused().increment();
        bulkQueries.set(0);
    }

    /** Shopify ran the app's bulk queries. */
    public void bulkQueriesEnabled(boolean enabled) {
        bulkQueries.set(enabled ? 1 : 0);
    }

    /** A delivery refused before parsing: bad or missing signature, bad size or shape. */
    public void webhookRejected(String platform) {
        rejected(platform).increment();
    }

    /** One run of a sync task: its kind, its result (written, unchanged, postponed, abandoned) and how long it took. */
    public void sync(String kind, String result, Duration took) {
        Timer.builder("salesbot.syncs").description("Sync task runs, by kind and result")
                .tag("kind", kind.toLowerCase(Locale.ROOT)).tag("result", result.toLowerCase(Locale.ROOT))
                .register(registry).record(took);
    }

    /** One Admin API answer: its actual cost in points (0 when Shopify reported none). */
    public void shopifyRequest(int actualCost, boolean throttled) {
        requests().increment();
        if (actualCost > 0) {
            cost().increment(actualCost);
        }
        if (throttled) {
            throttled().increment();
        }
    }

    /**
     * Shopify answered an Admin API request in another version than the one asked for: the asked
     * one is no longer supported and Shopify fell forward. Tagged with both versions (a handful of
     * values over the product's life, never a shop), so the series appears with the first
     * fall-forward: until then there is none to count.
     */
    public void shopifyVersionFellForward(String requested, String answered) {
        counters.computeIfAbsent("shopify fell forward " + requested + " " + answered, k -> Counter
                .builder("salesbot.shopify.api.version.fallforward")
                .description("Admin API answers in another version than requested (SHOPIFY_API_VERSION no longer supported)")
                .tag("requested", requested).tag("answered", answered).register(registry)).increment();
    }

    /**
     * Days until the end of support of the configured API version of {@code platform}, as
     * {@code merchants.control.SupportWindows} publishes it (read at each scrape: the figure falls
     * day by day); NaN when the end is not announced or the version is not in the table.
     */
    public void apiVersionSupport(String platform, String version, java.util.function.Supplier<Long> daysLeft) {
        Gauge.builder("salesbot.api.version.support", daysLeft, d -> {
                    Long days = d.get();
                    return days == null ? Double.NaN : days;
                }).strongReference(true) // the supplier is held by nothing else: a weak reference reads NaN once collected
                .baseUnit("days").tag("platform", platform).tag("version", version)
                .description("Days until the platform's end of support of the configured API version (NaN: not announced)")
                .register(registry);
    }

    /** One Graph API answer, with the usage Meta reported in its headers. */
    public void graphRequest(int usagePercent) {
        graphRequests().increment();
        graphUsage.set(usagePercent);
    }

    private Counter graphRequests() {
        return counters.computeIfAbsent("facebook requests", k -> Counter.builder("salesbot.facebook.requests")
                .description("Graph API requests sent").register(registry));
    }

    /** Storage requests as the store counts them (method: HEAD, PUT, GET). */
    public <T> void storageRequests(T store, String method, ToDoubleFunction<T> count) {
        FunctionCounter.builder("salesbot.storage.requests", store, count).tag("method", method)
                .description("Object storage requests sent (local store: the same operations on files)").register(registry);
    }

    /** A batch of {@code size} webhook deliveries recorded in one transaction (group commit). */
    public void webhookBatch(String platform, int size) {
        DistributionSummary.builder("salesbot.webhooks.batch.size").description("Webhook deliveries recorded per transaction (group commit)")
                .baseUnit("deliveries").tag("platform", platform).register(registry).record(size);
    }

    /** A verified delivery answered 503 with {@code Retry-After} (intake full, its batch failed or was slow, the server stopping). */
    public void webhookRefused(String platform, String why) {
        counters.computeIfAbsent("intake refused " + platform + " " + why, k -> Counter.builder("salesbot.webhooks.intake.refused")
                .description("Verified webhook deliveries answered 503 with Retry-After, by why").tag("platform", platform)
                .tag("why", why).register(registry)).increment();
    }

    /** How many of a platform's verified deliveries wait for their batch, read from {@code depth} when the meters are read. */
    public void webhookIntakeDepth(String platform, java.util.function.IntSupplier depth) {
        Gauge.builder("salesbot.webhooks.intake.depth", depth, IntSupplierValue::of).description("Verified webhook deliveries waiting for their batch")
                .baseUnit("deliveries").tag("platform", platform).strongReference(true).register(registry);
    }

    private static final class IntSupplierValue {
        static double of(java.util.function.IntSupplier s) {
            return s.getAsInt();
        }
    }

    /** A figure read when the meters are read (queue depth, oldest request age). */
    public <T> void gauge(String name, String description, String unit, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).baseUnit(unit).register(registry);
    }
}

package dev.salesbot.bench;

import dev.salesbot.sync.queue.control.Sleeper;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.catalog.NodeFetch;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.RetryPolicy;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.shopify.graphql.ThrottlePacer;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.MicroProcess;
import dev.salesbot.sync.testing.Postgres;
import dev.salesbot.sync.testing.S3ProxyServer;
import dev.salesbot.sync.testing.SandboxShopify;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Issue 9's benchmark, on one Payara Micro with the product and the sandbox and an in-process
 * S3Proxy as Spaces (all on 127.0.0.1):
 * <ol>
 * <li><b>receipt</b> — signed {@code products/update} deliveries to {@code POST /shopify/webhook}
 * at a fixed rate (default 500/s for 30 s, after 10 s of warm-up), beside the same requests to a
 * trivial JAX-RS endpoint on the same server ({@code POST /sandbox/_bench/ok}); p50/p99, errors and
 * throughput of each, and that the database holds every delivery;</li>
 * <li><b>bulk edit</b> — the sandbox store re-prices 1,000 products, one webhook each: the PUTs of
 * the snapshot and the Admin API cost of the partial syncs, against the cost of fetching those
 * 1,000 products once by id with the product's own {@link CatalogFetch#products(List)}.</li>
 * <li><b>sweep</b> — the receipt at rising rates ({@code bench.sweep.rates}, {@code bench.sweep.seconds}
 * each), the trivial endpoint and the webhook alternating in short slices at each: each one's
 * capacity (the highest rate it keeps up with) and their ratio;</li>
 * <li><b>burst</b> — 10,000 deliveries at once over 16 connections: answer times, every delivery
 * recorded, and how soon and in how many PUTs the snapshot is current.</li>
 * </ol>
 * A part runs when {@code bench.parts} names it (receipt, bulk, large, sweep, burst; receipt and bulk
 * by default); {@code large} is two stores of 10,000 products (issue 24).
 * Argument: a work directory. System properties {@code bench.rate}, {@code bench.seconds},
 * {@code payara.micro.jar}; {@code bench.database} {@code h2} (the default: an H2 file beside the
 * server) or {@code postgresql} (a throwaway PostgreSQL, {@code .ci/postgres.sh}, as
 * {@link DashboardBench} starts it; {@code it.postgresql.jar} names the driver for the server).
 */
public final class WebhookBench {

    static final String SHOPIFY_SCOPES = "read_products,read_product_listings,read_inventory,read_discounts,read_locations";
    static final String CLIENT_ID = "sandbox-shopify-app";
    static final int WARM_UP_SECONDS = 10;
    /** The sweep's warm-up rate (or its highest rate, if lower): one both endpoints keep up with. */
    static final int SWEEP_WARM_UP_RATE = 500;

    private WebhookBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String secret = random(24);
        String databaseName = System.getProperty("bench.database", "h2");
        if (!List.of("h2", "postgresql").contains(databaseName)) {
            throw new IllegalArgumentException("bench.database is h2 or postgresql, not " + databaseName);
        }
        boolean postgresql = databaseName.equals("postgresql");
        boolean met;
        // A null resource is skipped: PostgreSQL is started (and always stopped) only when asked for.
        try (S3ProxyServer s3 = S3ProxyServer.start("salesbot-bench", "bench-access-key", random(24));
             Postgres postgres = postgresql ? Postgres.start() : null) {
            int port = MicroProcess.freePort();
            Properties settings = settings(URI.create("http://127.0.0.1:" + port), s3, secret, work);
            Path h2 = work.resolve("db/salesbot");
            MicroProcess.Pool pool = postgres == null ? new MicroProcess.H2(h2) : postgres.pool();
            Counts database = postgres == null ? h2(h2) : postgres::count;
            System.out.println("== start Payara Micro on 127.0.0.1:" + port + " with " + (postgres == null ? "H2" : "PostgreSQL")
                    + " (log: " + work.resolve("payara/server.log") + ")");
            try (MicroProcess server = MicroProcess.start("payara", work, Path.of("app/target/salesbot-sync.war"),
                    Optional.of(MicroProcess.sandboxWar()), port, settings, pool)) {
                met = parts(server.base(), secret, s3, database, work);
            }
        }
        System.out.println(met ? "\nAll targets met." : "\nA target was missed (see above).");
        System.exit(met ? 0 : 1);
    }

    /** Runs the parts {@code bench.parts} names, in this order; answers whether every target was met. */
    private static boolean parts(URI base, String secret, S3ProxyServer s3, Counts database, Path work) throws Exception {
        String parts = System.getProperty("bench.parts", "receipt,bulk");
        boolean met = !parts.contains("receipt")
                || receipt(base, secret, Integer.getInteger("bench.rate", 500), Integer.getInteger("bench.seconds", 30), database);
        met &= !parts.contains("bulk") || bulkEdit(base, secret, s3, database);
        met &= !parts.contains("large") || largeStores(base, s3, database, work);
        met &= !parts.contains("sweep") || sweep(base, secret, database);
        met &= !parts.contains("burst") || burst(base, secret, s3, database);
        return met;
    }

    /** The server's database, asked for one number: its H2 file (opened beside it) or its PostgreSQL. */
    @FunctionalInterface
    interface Counts {
        long count(String sql, Object... params);
    }

    private static Counts h2(Path file) {
        return (sql, params) -> ((Number) Database.rows(file, sql, params).get(0).values().iterator().next()).longValue();
    }

    /** A sandbox store as a merchant connected it: its merchant UUID and its products' ids. */
    record Connected(String shop, String merchant, List<String> products) {

        /** The key of the store's stored snapshot in Spaces. */
        String snapshotKey() {
            return WebhookBench.snapshotKey(merchant);
        }
    }

    /** Seeds a sandbox store of {@code products} (bucket 10,000, restoring 1,000/s) and connects it as a merchant does. */
    private static Connected connectStore(URI base, String shop, int products) {
        new SandboxStore(base, shop).reseed(products, 10_000, 1_000);
        String merchant = connect(base, shop);
        return new Connected(shop, merchant, productIds(base, shop));
    }

    static String snapshotKey(String merchant) {
        return "users/" + merchant + "/shopify/shopify_data.json";
    }

    /**
     * The load generator's client. HTTP/1.1, as a TLS-terminating proxy (or a webhook sender) speaks
     * to the server: the JDK client's default on http:// is a cleartext HTTP/2 upgrade (h2c), under
     * which Grizzly's HTTP/2 input stalls once ~200 request bodies are in flight (see bench/README.md).
     */
    private static HttpClient loadClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private static boolean receipt(URI base, String secret, int rate, int seconds, Counts database) throws Exception {
        String shop = "bench-hooks.myshopify.com";
        List<String> products = connectStore(base, shop, 250).products();
        System.out.printf("%n== receipt: %d requests/s for %d s after %d s of warm-up, store of %d products%n",
                rate, seconds, WARM_UP_SECONDS, products.size());

        HttpClient client = loadClient();
        URI trivial = base.resolve("/sandbox/_bench/ok");
        URI webhook = base.resolve("/shopify/webhook");
        FixedRateLoad.run("warm-up trivial", client, requests(trivial, shop, secret, products, rate * WARM_UP_SECONDS, ""), rate);
        FixedRateLoad.Result yardstick = FixedRateLoad.run("trivial JAX-RS", client, requests(trivial, shop, secret, products, rate * seconds, ""), rate);
        long before = deliveries(database, shop);
        List<HttpRequest> warmUp = requests(webhook, shop, secret, products, rate * WARM_UP_SECONDS, "");
        FixedRateLoad.run("warm-up webhook", client, warmUp, rate);
        List<HttpRequest> measured = requests(webhook, shop, secret, products, rate * seconds, "");
        FixedRateLoad.Result hooks = FixedRateLoad.run("POST /shopify/webhook", client, measured, rate);
        long recorded = deliveries(database, shop) - before;

        System.out.println(yardstick.describe());
        System.out.println(hooks.describe());
        double ratio = hooks.throughput() / yardstick.throughput();
        System.out.printf("throughput ratio webhook / trivial: %.3f   recorded deliveries: %d of %d%n",
                ratio, recorded, warmUp.size() + measured.size());
        boolean met = check("p99 <= 25 ms", hooks.millis(99) <= 25)
                & check("0 errors", hooks.errors() == 0 && yardstick.errors() == 0)
                & check("throughput >= 0.8 x trivial", ratio >= 0.8)
                & check("every delivery recorded", recorded == warmUp.size() + measured.size());
        // The recorded changes are synced in the background; let them finish before the next part.
        await(() -> pending(database, shop) == 0, Duration.ofSeconds(180), "the receipt's partial syncs");
        return met;
    }

    /** The capacity rule's latency bound: at a rate an endpoint keeps up when p99 is at most this (and nothing failed). */
    static final double CAPACITY_P99_MILLIS = 100;

    /** One rate of the sweep: the trivial endpoint's slices and the webhook's, each combined, and how many of its deliveries were recorded. */
    record Step(int rate, FixedRateLoad.Result trivial, FixedRateLoad.Result webhook, long recorded) {

        boolean trivialKeepsUp() {
            return trivial.errors() == 0 && trivial.millis(99) <= CAPACITY_P99_MILLIS;
        }

        boolean webhookKeepsUp() {
            return webhook.errors() == 0 && webhook.millis(99) <= CAPACITY_P99_MILLIS && recorded == webhook.sent();
        }
    }

    /** The sweep's two endpoints on one store, loaded alternately at one rate. */
    private record SweepLoad(HttpClient client, URI base, String secret, Connected store, Counts database, int sliceSeconds) {

        /**
         * {@code rate * seconds} requests to the trivial endpoint and as many deliveries (webhook ids
         * {@code idPrefix}w…), in slices of {@code sliceSeconds} that alternate the two endpoints as
         * A B B A A B … — so a noisy moment of the machine (another process, a pause of the
         * server's collector) falls on both endpoints' figures, and so does the server's drift (a
         * heap that fills, a compiler that finishes). Each trivial slice starts once the syncs the
         * earlier deliveries caused are done: they are the webhook's cost, and would otherwise land
         * in the trivial endpoint's figures.
         */
        Step step(int rate, int seconds, String idPrefix) throws InterruptedException {
            int slices = Math.max(1, (seconds + sliceSeconds - 1) / sliceSeconds);
            List<FixedRateLoad.Result> trivial = new ArrayList<>();
            List<FixedRateLoad.Result> webhook = new ArrayList<>();
            for (int slice = 0; slice < slices; slice++) {
                // The slice's share of the step's requests: the slices add up to rate * seconds exactly.
                int n = rate * seconds * (slice + 1) / slices - rate * seconds * slice / slices;
                boolean trivialFirst = slice % 2 == 0;
                for (boolean toTrivial : trivialFirst ? List.of(true, false) : List.of(false, true)) {
                    if (toTrivial) {
                        await(() -> pending(database, store.shop()) == 0, Duration.ofSeconds(180), "the previous deliveries' partial syncs");
                        trivial.add(FixedRateLoad.run("trivial JAX-RS", client,
                                requests(base.resolve("/sandbox/_bench/ok"), store.shop(), secret, store.products(), n, idPrefix + "t" + slice + "-"), rate));
                    } else {
                        webhook.add(FixedRateLoad.run("POST /shopify/webhook", client,
                                requests(base.resolve("/shopify/webhook"), store.shop(), secret, store.products(), n, idPrefix + "w" + slice + "-"), rate));
                    }
                }
            }
            return new Step(rate, FixedRateLoad.Result.combined("trivial JAX-RS", trivial),
                    FixedRateLoad.Result.combined("POST /shopify/webhook", webhook), recorded(database, idPrefix + "w"));
        }
    }

    /**
     * Issue 26, item 3: a capacity sweep. After a warm-up ({@code bench.sweep.warmup.seconds}, 30,
     * of each endpoint at 500/s), at each rate of {@code bench.sweep.rates} the trivial endpoint and
     * the webhook, {@code bench.sweep.seconds} each at that rate (open loop, HTTP/1.1), alternating
     * in slices of {@code bench.sweep.slice.seconds} (3; {@link SweepLoad#step}); stops once both
     * endpoints fall behind at a rate. An
     * endpoint's capacity is the highest rate at which it keeps up (0 errors — a 503 is one —, p99 ≤
     * 100 ms, and for the webhook every delivery recorded). Targets: webhook capacity ≥ 0.8 × the
     * trivial endpoint's; at 500/s the webhook's p99 ≤ 3 × the trivial endpoint's.
     */
    private static boolean sweep(URI base, String secret, Counts database) throws Exception {
        List<Integer> rates = sweepRates();
        int seconds = Integer.getInteger("bench.sweep.seconds", 15);
        Connected store = connectStore(base, "bench-sweep.myshopify.com", 250);
        // Long enough for the JIT to compile both endpoints' paths and the committer's (an operator's
        // server has run for days): with 10 s at 250/s the first steps still measured the compiler.
        int warmUpSeconds = Integer.getInteger("bench.sweep.warmup.seconds", 30);
        int warmUpRate = Math.min(SWEEP_WARM_UP_RATE, rates.stream().mapToInt(Integer::intValue).max().orElseThrow());
        int sliceSeconds = Integer.getInteger("bench.sweep.slice.seconds", 3);
        if (sliceSeconds <= 0) {
            throw new IllegalArgumentException("bench.sweep.slice.seconds: a positive number of seconds");
        }
        System.out.printf("%n== sweep: %s requests/s, %d s each of the trivial endpoint and the webhook, alternating in slices of %d s,"
                        + " after %d s of warm-up at %d/s, store of %d products%n",
                rates, seconds, sliceSeconds, warmUpSeconds, warmUpRate, store.products().size());
        SweepLoad load = new SweepLoad(loadClient(), base, secret, store, database, sliceSeconds);
        Step warmUp = load.step(warmUpRate, warmUpSeconds, "sweepwarm");
        System.out.println("warm-up (not counted):");
        print(warmUp);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            Step step = load.step(rates.get(i), seconds, "sweep" + i);
            print(step);
            steps.add(step);
            if (!step.trivialKeepsUp() && !step.webhookKeepsUp()) {
                System.out.printf("both endpoints fell behind at %d/s: the sweep stops here%n", step.rate());
                break;
            }
        }
        boolean met = capacities(steps, rates.stream().mapToInt(Integer::intValue).max().orElseThrow());
        // The recorded changes are synced in the background; let them finish before the next part.
        await(() -> pending(database, store.shop()) == 0, Duration.ofSeconds(180), "the sweep's partial syncs");
        return met;
    }

    /** {@code bench.sweep.rates}: requests per second, comma-separated, in the order to run them. */
    private static List<Integer> sweepRates() {
        List<Integer> rates = java.util.Arrays.stream(System.getProperty("bench.sweep.rates", "250,500,750,1000,1250,1500,1750,2000").split(","))
                .map(String::strip).filter(r -> !r.isEmpty()).map(Integer::valueOf).toList();
        if (rates.isEmpty() || rates.stream().anyMatch(r -> r <= 0)) {
            throw new IllegalArgumentException("bench.sweep.rates: positive requests per second, comma-separated");
        }
        return rates;
    }

    private static void print(Step step) {
        System.out.println(sweepLine(step.rate(), "trivial", step.trivial(), "", step.trivialKeepsUp()));
        System.out.println(sweepLine(step.rate(), "webhook", step.webhook(), String.format("recorded %6d", step.recorded()), step.webhookKeepsUp()));
    }

    private static String sweepLine(int rate, String endpoint, FixedRateLoad.Result r, String recorded, boolean keepsUp) {
        return String.format("%5d/s  %-7s  sent %6d  ok %6d  errors %6d (503: %6d)  p50 %8.2f ms  p99 %8.2f ms  %-15s  %s",
                rate, endpoint, r.sent(), r.ok(), r.errors(), r.unavailable(), r.millis(50), r.millis(99), recorded,
                keepsUp ? "keeps up" : "falls behind");
    }

    /** Prints each endpoint's capacity, the capacity ratio and the p99 ratio at 500/s; answers whether both targets were met. */
    private static boolean capacities(List<Step> steps, int highest) {
        int trivial = steps.stream().filter(Step::trivialKeepsUp).mapToInt(Step::rate).max().orElse(0);
        int webhook = steps.stream().filter(Step::webhookKeepsUp).mapToInt(Step::rate).max().orElse(0);
        double ratio = trivial == 0 ? Double.NaN : webhook / (double) trivial;
        Optional<Step> at500 = steps.stream().filter(s -> s.rate() == 500).findFirst();
        double p99Ratio = at500.map(s -> s.webhook().millis(99) / s.trivial().millis(99)).orElse(Double.NaN);
        System.out.printf("capacity (highest rate with 0 errors, p99 <= %.0f ms, every delivery recorded): trivial %s, webhook %s%n",
                CAPACITY_P99_MILLIS, capacity(trivial, highest), capacity(webhook, highest));
        System.out.printf("capacity ratio webhook / trivial: %.3f   at 500/s p99 webhook / trivial: %s%n", ratio,
                at500.isPresent() ? String.format("%.2f", p99Ratio) : "not measured (no 500/s step)");
        return check("webhook capacity >= 0.8 x trivial capacity", ratio >= 0.8)
                & check("at 500/s webhook p99 <= 3 x trivial p99", p99Ratio <= 3);
    }

    private static String capacity(int rate, int highest) {
        return rate == 0 ? "none of the rates" : rate == highest ? rate + "/s (the highest swept: at least that)" : rate + "/s";
    }

    /** The burst's concurrent connections, and the longest it may take to send them all. */
    static final int BURST_CONNECTIONS = 16;
    static final Duration BURST_WITHIN = Duration.ofSeconds(300);

    /**
     * Issue 26, item 3: {@code bench.burst.deliveries} (10,000) signed {@code products/update}
     * deliveries to a store of 250 products, as fast as {@value #BURST_CONNECTIONS} connections
     * allow ({@link Burst}). The products were renamed in the sandbox first (silently), so the
     * snapshot is current once no sync of the store is pending and it holds every new title — as
     * the bulk part decides it, and the large part checks content. Targets: every delivery answered
     * 200 within 5 s; all recorded; the snapshot current within 30 s of the last answer, in at most
     * 3 PUTs of {@code shopify_data.json}.
     */
    private static boolean burst(URI base, String secret, S3ProxyServer s3, Counts database) throws Exception {
        int count = Integer.getInteger("bench.burst.deliveries", 10_000);
        Connected store = connectStore(base, "bench-burst.myshopify.com", 250);
        String key = store.snapshotKey();
        await(() -> s3.putsOf(key) > 0 && pending(database, store.shop()) == 0, Duration.ofSeconds(300), "the first snapshot");
        List<String> titles = renameSilently(base, store);
        System.out.printf("%n== burst: %,d products/update at once over %d connections, store of %d products (renamed in the sandbox first)%n",
                count, BURST_CONNECTIONS, store.products().size());
        List<HttpRequest> deliveries = requests(base.resolve("/shopify/webhook"), store.shop(), secret, store.products(), count, "burst-");
        int putsBefore = s3.putsOf(key);
        Burst.Result sent = Burst.run(loadClient(), deliveries, BURST_CONNECTIONS, BURST_WITHIN);
        boolean current = within(() -> pending(database, store.shop()) == 0 && holds(s3, key, titles), Duration.ofSeconds(120));
        double toCurrent = (System.nanoTime() - sent.lastAnswer()) / 1e9;
        int puts = s3.putsOf(key) - putsBefore;
        long recorded = recorded(database, "burst-");
        System.out.printf("sent %,d in %.1f s; answers by status %s; latency p99 %.2f ms, max %.2f ms%n",
                sent.requests(), sent.seconds(), sent.statuses(), sent.millis(99), sent.maxMillis());
        System.out.printf("recorded deliveries: %d of %d   snapshot %s   PUTs of shopify_data.json: %d%n", recorded, count,
                current ? String.format("current %.1f s after the last answer", toCurrent) : "not current 120 s after the last answer", puts);
        return check("every delivery answered 200 within 5 s", sent.ok() == count && sent.maxMillis() <= 5_000)
                & check("every delivery recorded", recorded == count)
                & check("snapshot current within 30 s of the last answer", current && toCurrent <= 30)
                & check("PUTs <= 3", puts >= 1 && puts <= 3);
    }

    /** Renames each product in the sandbox without a webhook; answers the new titles. */
    private static List<String> renameSilently(URI base, Connected store) {
        List<String> titles = new ArrayList<>();
        for (String product : store.products()) {
            String title = "Burst bench title " + (titles.size() + 1);
            dev.salesbot.sync.testing.ShopifyWebhooks.editProduct(base, store.shop(), product, title, null, false);
            titles.add(title);
        }
        return titles;
    }

    /** Whether the stored snapshot holds every one of {@code titles}. */
    private static boolean holds(S3ProxyServer s3, String key, List<String> titles) {
        return s3.text(key).map(snapshot -> titles.stream().allMatch(title -> snapshot.contains("\"" + title + "\""))).orElse(false);
    }

    private static boolean bulkEdit(URI base, String secret, S3ProxyServer s3, Counts database) throws Exception {
        String shop = "bench-bulk.myshopify.com";
        int count = 1_000;
        SandboxStore store = new SandboxStore(base, shop);
        store.reseed(count, 10_000, 1_000);
        String key = snapshotKey(connect(base, shop));
        await(() -> s3.putsOf(key) > 0 && pending(database, shop) == 0, Duration.ofSeconds(300), "the first snapshot");
        List<String> products = productIds(base, shop);
        System.out.printf("%n== bulk edit: %d products re-priced, one products/update each (bucket 10,000, 1,000/s)%n", products.size());

        store.resetStats();
        int putsBefore = s3.putsOf(key);
        long started = System.nanoTime();
        control(base, "POST", "/sandbox/shopify/_control/merchant/" + shop + "/products/bulk-reprice",
                "{\"count\":" + count + ",\"webhook\":true}");
        await(() -> delivered(base, shop) >= count, Duration.ofSeconds(60), "the sandbox delivering every webhook");
        double sent = (System.nanoTime() - started) / 1e9;
        await(() -> pending(database, shop) == 0, Duration.ofSeconds(300), "the partial syncs");
        double synced = (System.nanoTime() - started) / 1e9;
        JsonObject partial = store.stats();
        int puts = s3.putsOf(key) - putsBefore;

        String token = store.accessToken(CLIENT_ID, secret, SHOPIFY_SCOPES);
        store.resetStats();
        try (JdkGraphqlTransport transport = new JdkGraphqlTransport(store.adminEndpoint("2026-10"), token)) {
            Clock clock = Clock.systemUTC();
            PacedGraphql graphql = new PacedGraphql(shop, transport, new ThrottlePacer(clock, Sleeper.system(ShopifyUnavailableException::interrupted)),
                    RetryPolicy.standard(), Sleeper.system(ShopifyUnavailableException::interrupted), clock);
            NodeFetch once = new CatalogFetch(shop, graphql).products(products);
            if (once.found().size() != products.size()) {
                throw new IllegalStateException("the reference fetch found " + once.found().size() + " of " + products.size());
            }
        }
        JsonObject reference = store.stats();

        long partialCost = partial.getJsonNumber("totalActualCost").longValue();
        long referenceCost = reference.getJsonNumber("totalActualCost").longValue();
        double ratio = partialCost / (double) referenceCost;
        System.out.printf("webhooks delivered in %.1f s, snapshot current after %.1f s%n", sent, synced);
        System.out.printf("snapshot PUTs: %d   Admin cost of the partial syncs: %d (%d requests)   "
                        + "cost of fetching the %d by id once: %d (%d requests)   ratio %.3f%n",
                puts, partialCost, partial.getInt("requests"), products.size(), referenceCost, reference.getInt("requests"), ratio);
        return check("PUTs <= 3", puts >= 1 && puts <= 3) & check("cost <= 1.2 x fetching once by id", ratio <= 1.2);
    }

    /**
     * Issue 24: two stores of 10,000 products (read through bulk operations) each receive 1,000
     * {@code inventory_levels/update} deliveries at once — the sandbox changes 1,000 variants' stock
     * of each, one webhook each — in the server at {@code -Xmx512m} (the sandbox shares its heap).
     * Targets: no {@code OutOfMemoryError}, each snapshot current (every new quantity in it) within
     * 30 s of its store's last delivery.
     */
    private static boolean largeStores(URI base, S3ProxyServer s3, Counts database, Path work) throws Exception {
        int products = Integer.getInteger("bench.largeProducts", 10_000);
        int changes = 1_000;
        List<String> shops = List.of("bench-large-a.myshopify.com", "bench-large-b.myshopify.com");
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        for (String shop : shops) {
            SandboxStore store = new SandboxStore(base, shop);
            store.reseed(products, 20_000, 1_000);
            store.bulk("{\"objectsPerSecond\": 20000, \"startMillis\": 300}");
            String key = snapshotKey(connect(base, shop, false));
            keys.put(shop, key);
            await(() -> s3.putsOf(key) > 0 && pending(database, shop) == 0, Duration.ofSeconds(600), "the first snapshot of " + shop);
        }
        System.out.printf("%n== two large stores: %,d products each, %,d inventory_levels/update each at once (server -Xmx512m)%n",
                products, changes);
        Map<String, Map<String, Long>> quantities = new java.util.LinkedHashMap<>();
        for (String shop : shops) {
            Map<String, Long> wanted = new java.util.LinkedHashMap<>();
            List<String> variants = firstVariants(s3, keys.get(shop), changes);
            for (int i = 0; i < variants.size(); i++) {
                wanted.put(variants.get(i), 5_000L + i);
            }
            quantities.put(shop, wanted);
        }
        long[] before = shops.stream().mapToLong(shop -> inventoryDelivered(base, shop)).toArray();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                for (String shop : shops) {
                    Map.Entry<String, Long> change = new ArrayList<>(quantities.get(shop).entrySet()).get(i);
                    String id = change.getKey().substring(change.getKey().lastIndexOf('/') + 1);
                    sent.add(senders.submit(() -> control(base, "POST", "/sandbox/shopify/_control/merchant/" + shop + "/variants/" + id + "/stock",
                            "{\"quantity\":" + change.getValue() + ",\"webhook\":true}")));
                }
            }
            for (var f : sent) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        boolean met = true;
        double[] lastDelivery = new double[shops.size()];
        for (int s = 0; s < shops.size(); s++) {
            String shop = shops.get(s);
            long from = before[s];
            await(() -> inventoryDelivered(base, shop) - from >= changes, Duration.ofSeconds(120), "the deliveries to " + shop);
            lastDelivery[s] = (System.nanoTime() - started) / 1e9;
        }
        for (int s = 0; s < shops.size(); s++) {
            String shop = shops.get(s);
            String key = keys.get(shop);
            Map<String, Long> wanted = quantities.get(shop);
            await(() -> pending(database, shop) == 0 && current(s3, key, wanted), Duration.ofSeconds(180), "the snapshot of " + shop + " to be current");
            double current = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: last delivery %.1f s after the first change, snapshot current %.1f s after its last delivery%n",
                    shop, lastDelivery[s], current - lastDelivery[s]);
            met &= check("snapshot of " + shop + " current within 30 s of its last delivery", current - lastDelivery[s] <= 30);
        }
        String log = Files.readString(work.resolve("payara/server.log"));
        return met & check("no OutOfMemoryError in the server log", !log.contains("OutOfMemoryError"));
    }

    /** The first variant of each of the first {@code n} products of the stored snapshot. */
    private static List<String> firstVariants(S3ProxyServer s3, String key, int n) throws IOException {
        List<String> variants = new ArrayList<>();
        try (var client = s3.newClient(); var in = client.getObject(b -> b.bucket(s3.bucket()).key(key))) {
            dev.salesbot.sync.shopify.catalog.CatalogReader.read(in, java.util.Set.of("products"), (connection, product) -> {
                var edges = product.getJsonObject("variants").getJsonArray("edges");
                if (variants.size() < n && !edges.isEmpty()) {
                    variants.add(edges.getJsonObject(0).getJsonObject("node").getString("id"));
                }
            });
        }
        return variants;
    }

    /** Whether the stored snapshot holds every wanted stock quantity (read as a stream). */
    private static boolean current(S3ProxyServer s3, String key, Map<String, Long> wanted) {
        java.util.concurrent.atomic.AtomicInteger found = new java.util.concurrent.atomic.AtomicInteger();
        try (var client = s3.newClient(); var in = client.getObject(b -> b.bucket(s3.bucket()).key(key))) {
            dev.salesbot.sync.shopify.catalog.CatalogReader.read(in, java.util.Set.of("products"), (connection, product) -> {
                for (var edge : product.getJsonObject("variants").getJsonArray("edges")) {
                    JsonObject variant = edge.asJsonObject().getJsonObject("node");
                    Long quantity = wanted.get(variant.getString("id"));
                    if (quantity != null && variant.getJsonNumber("inventoryQuantity").longValue() == quantity) {
                        found.incrementAndGet();
                    }
                }
            });
        } catch (IOException e) {
            return false;
        }
        return found.get() == wanted.size();
    }

    private static long inventoryDelivered(URI base, String shop) {
        JsonObject log = Json.createReader(new StringReader(
                control(base, "GET", "/sandbox/shopify/_control/merchant/" + shop + "/deliveries", null))).readObject();
        return log.getJsonObject("delivered").getInt("inventory_levels/update", 0);
    }

    /**
     * {@code n} signed {@code products/update} deliveries for {@code target}, naming the store's
     * products in turn, each with its own webhook id: {@code idPrefix} and a random UUID.
     */
    private static List<HttpRequest> requests(URI target, String shop, String secret, List<String> products, int n, String idPrefix) {
        List<HttpRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String product = products.get(i % Math.min(products.size(), Integer.getInteger("bench.distinct", products.size())));
            long id = Long.parseLong(product.substring(product.lastIndexOf('/') + 1));
            byte[] body = Json.createObjectBuilder().add("id", id).add("admin_graphql_api_id", product)
                    .add("title", "Bench " + i).add("updated_at", "2026-12-01T10:00:00Z").build().toString()
                    .getBytes(StandardCharsets.UTF_8);
            requests.add(FixedRateLoad.timed(HttpRequest.newBuilder(target))
                    .header("Content-Type", "application/json")
                    .header("X-Shopify-Topic", "products/update")
                    .header("X-Shopify-Hmac-Sha256", sign(secret, body))
                    .header("X-Shopify-Shop-Domain", shop)
                    .header("X-Shopify-API-Version", "2026-10")
                    .header("X-Shopify-Webhook-Id", idPrefix + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build());
        }
        return requests;
    }

    /** Connects the store as a merchant does; answers the merchant UUID. */
    static String connect(URI base, String shop) {
        return connect(base, shop, true);
    }

    /** {@link #connect(URI, String)}, printing the answer's statuses only when {@code verbose}. */
    static String connect(URI base, String shop, boolean verbose) {
        Browser browser = new Browser(base);
        URI callback = SandboxShopify.installUntilCallback(browser, shop.substring(0, shop.indexOf('.')));
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("connect answered " + answer.statusCode());
        }
        JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
        if (verbose) {
            System.out.println("connected " + shop + ": upload " + json.getJsonObject("upload_status").getString("status")
                    + ", webhook_test " + json.getJsonObject("webhook_test").getString("status"));
        }
        return json.getString("user_uuid");
    }

    static List<String> productIds(URI base, String shop) {
        List<String> ids = new ArrayList<>();
        String page = control(base, "GET", "/sandbox/shopify/_control/shops/" + shop + "/products", null);
        Json.createReader(new StringReader(page)).readArray().forEach(v -> ids.add(((jakarta.json.JsonString) v).getString()));
        return ids;
    }

    private static long delivered(URI base, String shop) {
        JsonObject log = Json.createReader(new StringReader(
                control(base, "GET", "/sandbox/shopify/_control/merchant/" + shop + "/deliveries", null))).readObject();
        return log.getJsonObject("delivered").getInt("products/update", 0);
    }

    private static long deliveries(Counts database, String shop) {
        return database.count("select count(*) from WEBHOOK_DELIVERY where SOURCE = ?", shop);
    }

    /** The deliveries recorded whose webhook id starts with {@code idPrefix} (no {@code _} or {@code %} in it). */
    private static long recorded(Counts database, String idPrefix) {
        return database.count("select count(*) from WEBHOOK_DELIVERY where ID like ?", "shopify:" + idPrefix + "%");
    }

    private static long pending(Counts database, String shop) {
        return database.count("select count(*) from SYNC_REQUEST where TARGET = ? and STATE = 'PENDING'", shop);
    }

    static String control(URI base, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> answer = new Browser(base).send(request);
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    static Properties settings(URI base, S3ProxyServer s3, String secret, Path work) {
        Properties p = new Properties();
        p.putAll(Map.of(
                "SANDBOX_ENABLED", "true",
                "DATA_DIR", work.resolve("data").toAbsolutePath().toString(),
                "SHOPIFY_API_KEY", CLIENT_ID,
                "SHOPIFY_API_SECRET", secret,
                "SANDBOX_SHOPIFY_API_KEY", CLIENT_ID,
                "SANDBOX_SHOPIFY_API_SECRET", secret,
                "SHOPIFY_REDIRECT_URI", base + "/shopify/callback",
                "SHOPIFY_SHOP_BASE_URL", base + "/sandbox/shopify/{shop}",
                "STATE_TOKEN_SECRET", random(32),
                "TOKEN_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(bytes(32))));
        p.putAll(Map.of(
                "FACEBOOK_APP_ID", "1000000000000001",
                "FACEBOOK_APP_SECRET", "sandbox-facebook-app-secret",
                "FACEBOOK_REDIRECT_URI", base + "/facebook/callback",
                "FACEBOOK_GRAPH_BASE_URL", base + "/sandbox/facebook/graph",
                "FACEBOOK_DIALOG_BASE_URL", base + "/sandbox/facebook/www",
                "SHOPIFY_WEBHOOK_ADDRESS", base + "/shopify/webhook",
                "SANDBOX_SHOPIFY_COMPLIANCE_ADDRESS", base + "/shopify/webhook",
                "BULK_RESULT_ADDRESSES", base + "/sandbox/shopify-bulk-results/"));
        p.putAll(s3.spacesSettings());
        return p;
    }

    static boolean check(String target, boolean met) {
        System.out.println((met ? "  met:    " : "  MISSED: ") + target);
        return met;
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        if (!within(condition, timeout)) {
            throw new IllegalStateException("not within " + timeout.toSeconds() + " s: " + what);
        }
    }

    /** Asks {@code condition} every 250 ms until it holds or {@code timeout} has passed; answers whether it held. */
    static boolean within(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }

    private static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}

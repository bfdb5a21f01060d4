package dev.salesbot.bench;

import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.MicroProcess;
import dev.salesbot.sync.testing.ShopifyWebhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 24's benchmark, on one Payara Micro with the product and the sandbox (127.0.0.1 only,
 * local storage, {@code SYNC_CONCURRENCY} 2): five large stores are connected while the sandbox
 * holds their bulk operations running (their objects read, then {@code RUNNING} until let go), so
 * their full syncs wait for Shopify the whole time; meanwhile a small store receives
 * {@code products/update} changes, one every few seconds, each a product renamed in the sandbox
 * and its webhook signed and delivered as Shopify does. Each change's latency runs from its
 * delivery to the stored snapshot holding the new title. Then the operations are let go and the
 * large stores' snapshots awaited. Prints p50/p95/max; target p95 ≤ 10 s.
 *
 * <p>Argument: a work directory. System properties {@code bench.large} (stores, 5),
 * {@code bench.products} (per large store, 2,000), {@code bench.changes} (20),
 * {@code bench.every} (seconds between changes, 3), {@code bench.bulkWait}
 * ({@code BULK_WAIT_SECONDS}, the product's default when unset), {@code payara.micro.jar}.
 */
public final class ParkedBench {

    static final String SMALL = "parked-bench-small.myshopify.com";
    static final Pattern PARKED = Pattern.compile("Sync of parked-bench-large-\\d+\\.myshopify\\.com parked");

    private ParkedBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int large = Integer.getInteger("bench.large", 5);
        int products = Integer.getInteger("bench.products", 2_000);
        int changes = Integer.getInteger("bench.changes", 20);
        int every = Integer.getInteger("bench.every", 3);
        String secret = WebhookBench.random(24);
        int port = MicroProcess.freePort();
        URI base = URI.create("http://127.0.0.1:" + port);
        Path database = work.resolve("db/salesbot");
        boolean met;
        System.out.println("== start Payara Micro on 127.0.0.1:" + port + " (log: " + work.resolve("payara/server.log") + ")");
        try (MicroProcess server = MicroProcess.start("payara", work, Path.of("app/target/salesbot-sync.war"), port,
                settings(base, secret, work), database)) {
            met = run(server, server.base(), secret, database, work.resolve("data"), large, products, changes, every);
        }
        System.out.println(met ? "\nAll targets met." : "\nA target was missed (see above).");
        System.exit(met ? 0 : 1);
    }

    private static boolean run(MicroProcess server, URI base, String secret, Path database, Path data, int large, int products,
                               int changes, int every) throws Exception {
        List<String> stores = new ArrayList<>();
        for (int i = 1; i <= large; i++) {
            String shop = "parked-bench-large-" + i + ".myshopify.com";
            SandboxStore store = new SandboxStore(base, shop);
            store.reseed(products, 20_000, 1_000);
            store.bulk("{\"hold\": true}");
            stores.add(shop);
        }
        new SandboxStore(base, SMALL).reseed(36, 2_000, 100);

        System.out.printf("%n== connect %d stores of %,d products, their bulk operations held running; SYNC_CONCURRENCY 2%n", large, products);
        long connecting = System.nanoTime();
        ExecutorService browsers = Executors.newFixedThreadPool(large);
        try {
            List<Future<String>> connects = new ArrayList<>();
            for (String shop : stores) {
                connects.add(browsers.submit(() -> WebhookBench.connect(base, shop, false)));
            }
            for (Future<String> connect : connects) {
                connect.get(3, TimeUnit.MINUTES);
            }
        } finally {
            browsers.shutdownNow();
        }
        WebhookBench.await(() -> parkedStores(server) == large, Duration.ofSeconds(180), "every large store's sync parked");
        System.out.printf("all %d parked %.1f s after the first connect%n", large, (System.nanoTime() - connecting) / 1e9);

        String merchant = WebhookBench.connect(base, SMALL);
        Path snapshot = data.resolve("users/" + merchant + "/shopify/shopify_data.json");
        WebhookBench.await(() -> Files.exists(snapshot) && pending(database, SMALL) == 0, Duration.ofSeconds(120), "the small store's first snapshot");
        List<String> ids = WebhookBench.productIds(base, SMALL);

        System.out.printf("%n== %d products/update to %s, one every %d s, while the large stores wait%n", changes, SMALL, every);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Double> latency = new ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> watch(snapshot, sent, latency, changes), "snapshot-watcher");
        watcher.setDaemon(true);
        watcher.start();
        long start = System.nanoTime();
        for (int i = 0; i < changes; i++) {
            long due = start + TimeUnit.SECONDS.toNanos((long) every * i);
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime())));
            String product = ids.get(i % ids.size());
            String title = "Parked bench change " + (i + 1);
            ShopifyWebhooks.editProduct(base, SMALL, product, title, null, false);
            sent.put(title, System.nanoTime());
            HttpResponse<String> answer = client.send(delivery(base, secret, product, title), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the webhook answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        watcher.join(TimeUnit.SECONDS.toMillis(120));
        long stillParked = stores.stream().filter(s -> pending(database, s) > 0).count();
        System.out.printf("large stores still waiting for their bulk operations after the last change: %d of %d%n", stillParked, large);

        long released = System.nanoTime();
        for (String shop : stores) {
            new SandboxStore(base, shop).bulk("{\"hold\": false}");
        }
        WebhookBench.await(() -> stores.stream().allMatch(s -> pending(database, s) == 0), Duration.ofSeconds(300),
                "the large stores' snapshots once their operations ended");
        double written = (System.nanoTime() - released) / 1e9;
        long runs = stores.stream().mapToLong(s -> new SandboxStore(base, s).bulk("{}").getInt("runQueries")).sum();
        int parks = count(server, PARKED);

        List<Double> sorted = latency.values().stream().sorted().toList();
        System.out.printf("%nstored %d of %d changes; delivery to stored snapshot: p50 %.2f s  p95 %.2f s  max %.2f s%n",
                sorted.size(), changes, percentile(sorted, 50), percentile(sorted, 95), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
        System.out.printf("large stores: %d parked attempts in all, %d bulkOperationRunQuery (5 each), every snapshot written %.1f s after"
                + " their operations were let go%n", parks, runs, written);
        return WebhookBench.check("every change stored", sorted.size() == changes)
                & WebhookBench.check("p95 <= 10 s", sorted.size() == changes && percentile(sorted, 95) <= 10.0)
                & WebhookBench.check("large stores waited the whole time", stillParked == large)
                & WebhookBench.check("no operation started twice", runs == 5L * large);
    }

    /** Reads the snapshot every 50 ms until each title sent is in it (at most 3 minutes in all). */
    private static void watch(Path snapshot, Map<String, Long> sent, Map<String, Double> latency, int changes) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (latency.size() < changes && System.nanoTime() < until) {
            try {
                String stored = Files.readString(snapshot, StandardCharsets.UTF_8);
                long now = System.nanoTime();
                sent.forEach((title, at) -> {
                    if (!latency.containsKey(title) && stored.contains("\"" + title + "\"")) {
                        latency.put(title, (now - at) / 1e9);
                    }
                });
                Thread.sleep(50);
            } catch (java.io.IOException e) {
                // being replaced: read it again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpRequest delivery(URI base, String secret, String product, String title) {
        byte[] body = ShopifyWebhooks.productUpdate(product, title).getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(base.resolve("/shopify/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "products/update")
                .header("X-Shopify-Hmac-Sha256", ShopifyWebhooks.sign(secret, body))
                .header("X-Shopify-Shop-Domain", SMALL)
                .header("X-Shopify-API-Version", "2026-10")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Large stores whose sync this server has parked at least once. */
    private static long parkedStores(MicroProcess server) {
        try {
            Matcher m = PARKED.matcher(Files.readString(server.log()));
            java.util.Set<String> parked = new java.util.HashSet<>();
            while (m.find()) {
                parked.add(m.group());
            }
            return parked.size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static int count(MicroProcess server, Pattern line) throws java.io.IOException {
        Matcher m = line.matcher(Files.readString(server.log()));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static long pending(Path database, String shop) {
        return ((Number) Database.rows(database, "select count(*) as N from SYNC_REQUEST where TARGET = ? and STATE = 'PENDING'", shop)
                .get(0).get("N")).longValue();
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static Properties settings(URI base, String secret, Path work) {
        Properties p = new Properties();
        p.putAll(Map.of(
                "SANDBOX_ENABLED", "true",
                "DATA_DIR", work.resolve("data").toAbsolutePath().toString(),
                "SHOPIFY_API_KEY", WebhookBench.CLIENT_ID,
                "SHOPIFY_API_SECRET", secret,
                "SANDBOX_SHOPIFY_API_KEY", WebhookBench.CLIENT_ID,
                "SANDBOX_SHOPIFY_API_SECRET", secret,
                "SHOPIFY_REDIRECT_URI", base + "/shopify/callback",
                "SHOPIFY_SHOP_BASE_URL", base + "/sandbox/shopify/{shop}",
                "STATE_TOKEN_SECRET", WebhookBench.random(32),
                "TOKEN_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(WebhookBench.bytes(32))));
        p.putAll(Map.of(
                "FACEBOOK_APP_ID", "1000000000000001",
                "FACEBOOK_APP_SECRET", "sandbox-facebook-app-secret",
                "FACEBOOK_REDIRECT_URI", base + "/facebook/callback",
                "FACEBOOK_GRAPH_BASE_URL", base + "/sandbox/facebook/graph",
                "FACEBOOK_DIALOG_BASE_URL", base + "/sandbox/facebook/www",
                "SHOPIFY_WEBHOOK_ADDRESS", base + "/shopify/webhook",
                "SANDBOX_SHOPIFY_COMPLIANCE_ADDRESS", base + "/shopify/webhook",
                "BULK_RESULT_ADDRESSES", base + "/sandbox/shopify-bulk-results/",
                "SYNC_CONCURRENCY", "2",
                // The connect answers need not wait for syncs that will wait for Shopify.
                "CALLBACK_SYNC_WAIT_SECONDS", "3"));
        String bulkWait = System.getProperty("bench.bulkWait", "");
        if (!bulkWait.isBlank()) {
            p.setProperty("BULK_WAIT_SECONDS", bulkWait);
        }
        return p;
    }
}

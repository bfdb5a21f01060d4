package dev.salesbot.bench;

import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.MicroProcess;
import dev.salesbot.sync.testing.PollNowTool;
import dev.salesbot.sync.testing.S3ProxyServer;
import com.sun.tools.attach.VirtualMachine;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Issue 11's benchmark: one poll cycle (poll now) over many sandbox stores on one Payara Micro
 * with the product and the sandbox, Spaces = an in-process S3Proxy, all on 127.0.0.1. First with
 * every store unchanged, then with a tenth of them changed silently (a product renamed without its
 * webhook, as when a subscription was lost). Per cycle: wall time, the Admin API points and requests the sandbox counted, the HEAD/GET/PUT requests
 * S3Proxy answered, and the server's peak heap (its heap pools' peaks, read over JMX). The wall
 * time is the server's: from the first poll request recorded to the last one closed.
 *
 * <p>The rate-limit bound: each store has its own leaky bucket (capacity B, restore r), full when
 * its poll starts. The sandbox computes, per store, how long a client as fast as the bucket allows
 * must wait to send the same queries (each sent once the bucket holds its requested cost, answered
 * in no time, refunded to its actual cost: {@code minimumWaitSeconds} of the store's stats). The
 * worker runs {@code SYNC_CONCURRENCY} (C) stores at a time, so the cycle needs at least
 * max(the longest of those waits, their sum ÷ C). The ratio is the wall time over that bound.
 * The stores are connected on the sandbox's default bucket and given the benchmark's before the
 * first cycle (the same catalog: seeding is deterministic).
 *
 * <p>Argument: a work directory. System properties: {@code bench.stores} (1000),
 * {@code bench.products} per store (10), {@code bench.bucket} (1000), {@code bench.restore} (100),
 * {@code bench.concurrency} (16), {@code payara.micro.jar}.
 */
public final class PollBench {

    record Cycle(String name, double seconds, long requests, long actualCost, long throttled, Map<String, Long> storage,
                 double boundSeconds, long peakHeapBytes) {
    }

    private PollBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int stores = Integer.getInteger("bench.stores", 1000);
        int products = Integer.getInteger("bench.products", 10);
        double bucket = Double.parseDouble(System.getProperty("bench.bucket", "1000"));
        double restore = Double.parseDouble(System.getProperty("bench.restore", "100"));
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        List<String> shops = IntStream.rangeClosed(1, stores).mapToObj(i -> String.format("poll-bench-%04d.myshopify.com", i)).toList();
        boolean met;
        try (S3ProxyServer s3 = S3ProxyServer.start("salesbot-bench", "bench-access-key", WebhookBench.random(24))) {
            int port = MicroProcess.freePort();
            Properties settings = WebhookBench.settings(URI.create("http://127.0.0.1:" + port), s3, WebhookBench.random(24), work);
            settings.putAll(Map.of(
                    "SANDBOX_SHOPIFY_PRODUCTS", Integer.toString(products),
                    "SYNC_CONCURRENCY", Integer.toString(concurrency),
                    // A year: only poll now polls during the run.
                    "POLL_INTERVAL_HOURS", "8760"));
            Path database = work.resolve("db/salesbot");
            System.out.println("== start Payara Micro on 127.0.0.1:" + port + " (log: " + work.resolve("payara/server.log") + ")");
            try (MicroProcess server = MicroProcess.start("payara", work, Path.of("app/target/salesbot-sync.war"), port, settings, database)) {
                URI base = server.base();
                System.out.printf("== connect %d stores of %d products (8 browsers at a time)%n", stores, products);
                long started = System.nanoTime();
                connectAll(base, shops);
                WebhookBench.await(() -> pending(database) == 0, Duration.ofMinutes(10), "the connects' first syncs");
                System.out.printf("connected in %.1f s%n", (System.nanoTime() - started) / 1e9);
                for (String shop : shops) {
                    WebhookBench.control(base, "PUT", "/sandbox/shopify/_control/shops/" + shop,
                            "{\"bucketSize\":" + bucket + ",\"restoreRate\":" + restore + "}");
                }

                Cycle unchanged = cycle("unchanged", server, base, s3, database, shops, bucket, restore, concurrency, 1);
                int changed = Math.max(1, stores / 10);
                for (int i = 0; i < changed; i++) {
                    String shop = shops.get(i * stores / changed);
                    String product = WebhookBench.productIds(base, shop).get(0);
                    WebhookBench.control(base, "POST", "/sandbox/shopify/_control/merchant/" + shop + "/products/"
                            + product.substring(product.lastIndexOf('/') + 1) + "/edit",
                            "{\"webhook\":false,\"title\":\"Renamed While Nobody Listened " + i + "\"}");
                }
                Cycle tenth = cycle(changed + " changed", server, base, s3, database, shops, bucket, restore, concurrency, 2);

                System.out.println();
                System.out.printf("| cycle (%d stores, %d products each, bucket %.0f, %.0f/s, SYNC_CONCURRENCY %d) | wall | rate-limit bound | ratio"
                        + " | Admin requests | actual cost | THROTTLED | HEAD | GET | PUT | server peak heap |%n", stores, products, bucket, restore, concurrency);
                System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
                for (Cycle c : List.of(unchanged, tenth)) {
                    System.out.printf("| %s | %.1f s | %.1f s | %s | %,d | %,d | %d | %,d | %,d | %,d | %d MB |%n", c.name(), c.seconds(),
                            c.boundSeconds(), c.boundSeconds() > 0 ? String.format("%.3f", c.seconds() / c.boundSeconds()) : "n/a",
                            c.requests(), c.actualCost(), c.throttled(), c.storage().get("HEAD"), c.storage().get("GET"),
                            c.storage().get("PUT"), c.peakHeapBytes() >> 20);
                }
                System.out.println();
                met = WebhookBench.check("unchanged cycle: " + stores + " HEAD, 0 GET, 0 PUT (measured "
                        + unchanged.storage() + ")", unchanged.storage().equals(Map.of("GET", 0L, "HEAD", (long) stores, "PUT", 0L)));
                met &= WebhookBench.check("changed cycle: GET 0, PUTs only for the " + changed + " changed stores (measured "
                        + tenth.storage() + ")", tenth.storage().get("GET") == 0 && tenth.storage().get("PUT") <= 2L * changed
                        && tenth.storage().get("PUT") >= changed);
                for (Cycle c : List.of(unchanged, tenth)) {
                    met &= WebhookBench.check(c.name() + ": within 1.2× of the rate-limit bound" + (c.boundSeconds() > 0 ? ""
                            : " (no store's poll exceeds its bucket: the bound is 0, the ratio undefined)"),
                            c.boundSeconds() > 0 && c.seconds() <= 1.2 * c.boundSeconds());
                }
            }
        }
        System.out.println(met ? "\nAll targets met." : "\nA target was missed (see above).");
        System.exit(met ? 0 : 1);
    }

    private static Cycle cycle(String name, MicroProcess server, URI base, S3ProxyServer s3, Path database, List<String> shops,
                               double bucket, double restore, int concurrency, int round) throws Exception {
        System.out.println("== poll cycle: " + name);
        for (String shop : shops) {
            WebhookBench.control(base, "POST", "/sandbox/shopify/_control/shops/" + shop + "/stats/reset", null);
        }
        s3.resetCounts();
        try (Heap heap = Heap.of(server.process().pid())) {
            int enqueued = PollNowTool.run(server.process().pid());
            WebhookBench.await(() -> polled(database) == (long) round * shops.size(), Duration.ofMinutes(30), "the cycle's polls");
            double seconds = cycleSeconds(database, shops.size());
            long peak = heap.peakBytes();
            long requests = 0;
            long actual = 0;
            long throttled = 0;
            double sum = 0;
            double longest = 0;
            for (String shop : shops) {
                JsonObject stats = Json.createReader(new StringReader(
                        WebhookBench.control(base, "GET", "/sandbox/shopify/_control/shops/" + shop + "/stats", null))).readObject();
                requests += stats.getJsonNumber("requests").longValue();
                actual += stats.getJsonNumber("totalActualCost").longValue();
                throttled += stats.getJsonNumber("throttled").longValue();
                double need = stats.getJsonNumber("minimumWaitSeconds").doubleValue();
                sum += need;
                longest = Math.max(longest, need);
            }
            Cycle cycle = new Cycle(name, seconds, requests, actual, throttled, s3.totals(), Math.max(longest, sum / concurrency), peak);
            System.out.printf("enqueued %d; %.1f s; %,d Admin requests, %,d points, %d THROTTLED; storage %s; peak heap %d MB%n",
                    enqueued, seconds, requests, actual, throttled, cycle.storage(), peak >> 20);
            return cycle;
        }
    }

    private static void connectAll(URI base, List<String> shops) throws Exception {
        ExecutorService browsers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> connects = new ArrayList<>();
            for (String shop : shops) {
                connects.add(browsers.submit(() -> WebhookBench.connect(base, shop, false)));
            }
            for (Future<?> connect : connects) {
                connect.get(5, TimeUnit.MINUTES);
            }
        } finally {
            browsers.shutdownNow();
        }
    }

    /**
     * From the first of the cycle's poll requests recorded to the last one closed, by the server's
     * own clock (the tool's JVM start is not the server's work).
     */
    private static double cycleSeconds(Path database, int stores) {
        List<Map<String, Object>> rows = Database.rows(database, "select CREATED_AT, FINISHED_AT from SYNC_REQUEST"
                + " where PAYLOAD = 'poll' order by CREATED_AT desc limit " + stores);
        Instant first = rows.stream().map(r -> instant(r.get("CREATED_AT"))).min(Instant::compareTo).orElseThrow();
        Instant last = rows.stream().map(r -> instant(r.get("FINISHED_AT"))).max(Instant::compareTo).orElseThrow();
        return Duration.between(first, last).toNanos() / 1e9;
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    private static long pending(Path database) {
        return count(database, "select count(*) as N from SYNC_REQUEST where STATE = 'PENDING'");
    }

    private static long polled(Path database) {
        return count(database, "select count(*) as N from SYNC_REQUEST where PAYLOAD = 'poll' and STATE <> 'PENDING'");
    }

    private static long count(Path database, String sql) {
        return ((Number) Database.rows(database, sql).get(0).get("N")).longValue();
    }

    /** The server's heap pools over JMX (local attach, as tools/PollNow.java): their peaks are reset at the start. */
    private static final class Heap implements AutoCloseable {
        private final JMXConnector connector;
        private final List<MemoryPoolMXBean> pools;

        private Heap(JMXConnector connector, List<MemoryPoolMXBean> pools) {
            this.connector = connector;
            this.pools = pools;
        }

        static Heap of(long pid) throws Exception {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            List<MemoryPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(mbeans, MemoryPoolMXBean.class).stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            return new Heap(connector, pools);
        }

        /** The sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any moment. */
        long peakBytes() {
            return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        }

        @Override
        public void close() throws Exception {
            connector.close();
        }
    }
}

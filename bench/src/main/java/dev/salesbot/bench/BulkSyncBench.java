package dev.salesbot.bench;

import dev.salesbot.sync.queue.control.Sleeper;
import dev.salesbot.sync.shopify.bulk.BulkCatalogFetch;
import dev.salesbot.sync.shopify.bulk.BulkResults;
import dev.salesbot.sync.shopify.bulk.HttpBulkDownloads;
import dev.salesbot.sync.shopify.bulk.MemoryBulkRecords;
import dev.salesbot.sync.shopify.catalog.BotDigest;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.RetryPolicy;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.shopify.graphql.ThrottlePacer;
import dev.salesbot.sync.shopify.catalog.CatalogSpool;
import dev.salesbot.sync.storage.control.SpooledJson;
import dev.salesbot.sync.storage.control.LocalDirectoryStore;
import dev.salesbot.sync.storage.control.StorageKey;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One full catalog sync through bulk operations against the sandbox Shopify, by the product's own
 * classes as {@code StoreSyncHandler.full} does it ({@link BulkCatalogFetch}, HTTP downloads,
 * canonical bytes, digest, write), on Shopify's standard plan (bucket 2,000, 100 points/s).
 * Client time excludes the time spent waiting for the sandbox's simulated processing (every sleep
 * of the wait loop is summed); "at the documented rate" adds to it what the sandbox's default
 * pace (1,000 objects/s after 2 s) would take for the objects this catalog produced, so a run at a
 * faster pace still gives that figure. Prints one line and appends a row to the results file.
 *
 * <p>The operations are recorded in memory ({@code MemoryBulkRecords}: a bench run has no database) and
 * no finish webhook reaches the bench, so it waits by polling.
 *
 * <p>Arguments: {@code baseUrl shop products objectsPerSecond resultsFile}; system properties
 * {@code bench.clientId}, {@code bench.clientSecret}.
 */
public final class BulkSyncBench {

    private static final String API_VERSION = "2026-10";
    private static final double DOCUMENTED_RATE = 1000;
    private static final double DOCUMENTED_START_SECONDS = 2;

    private BulkSyncBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        URI base = URI.create(args[0]);
        String shop = args[1];
        int products = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        Path results = Path.of(args[4]);

        SandboxStore store = new SandboxStore(base, shop);
        JsonObject seeded = store.reseed(products, 2000, 100);
        store.bulk("{\"objectsPerSecond\": " + rate + ", \"startMillis\": 2000}");
        String token = store.accessToken(System.getProperty("bench.clientId"), System.getProperty("bench.clientSecret"));
        Path dataDir = Files.createTempDirectory("salesbot-bench");
        HeapProbe heap = new HeapProbe();
        heap.reset();

        AtomicLong waitedNanos = new AtomicLong();
        Sleeper counting = duration -> {
            waitedNanos.addAndGet(duration.toNanos());
            Sleeper.system(ShopifyUnavailableException::interrupted).sleep(duration);
        };
        long started = System.nanoTime();
        long snapshotBytes;
        String how;
        try (JdkGraphqlTransport transport = new JdkGraphqlTransport(store.adminEndpoint(API_VERSION), token)) {
            Clock clock = Clock.systemUTC();
            PacedGraphql graphql = new PacedGraphql(shop, transport, new ThrottlePacer(clock, Sleeper.system(ShopifyUnavailableException::interrupted)), RetryPolicy.standard(),
                    Sleeper.system(ShopifyUnavailableException::interrupted), clock);
            CatalogFetch paging = new CatalogFetch(shop, graphql);
            long count = paging.productsCount();
            if (count != products) {
                throw new IllegalStateException("productsCount " + count + ", seeded " + products);
            }
            BulkCatalogFetch bulk = new BulkCatalogFetch(shop, graphql, paging, new MemoryBulkRecords(),
                    new HttpBulkDownloads(BulkResults.parse(base.resolve("/sandbox/shopify-bulk-results/").toString(),
                            BulkResults.DEFAULT_MAX_BYTES, BulkResults.DEFAULT_MAX_LINE_BYTES)),
                    BulkCatalogFetch.Settings.defaults(Duration.ofMinutes(30)), counting, clock);
            // As StoreSyncHandler.full: the catalog spooled node by node, the digest in two streamed reads, both written from their files.
            try (CatalogSpool spool = new CatalogSpool()) {
                how = bulk.all(false, n -> { }, spool);
                try (SpooledJson document = spool.document()) {
                    BotDigest.Spooled digest = BotDigest.spool(document, Instant.now());
                    Completeness.check(digest, seeded);
                    LocalDirectoryStore snapshots = new LocalDirectoryStore(dataDir);
                    UUID merchant = UUID.randomUUID();
                    snapshotBytes = document.size();
                    try (SpooledJson digestJson = digest.digest()) {
                        snapshots.putPair(StorageKey.shopifySnapshot(merchant), document, StorageKey.shopifyDigest(merchant), digestJson);
                    }
                }
            }
            bulk.done();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double waited = waitedNanos.get() / 1e9;
        Thread.sleep(200);
        long peak = heap.realPeakBytes();
        deleteTree(dataDir);

        JsonObject served = store.stats();
        JsonObject bulkStats = store.bulk("{}");
        long objects = bulkStats.getJsonNumber("objects").longValue();
        double client = elapsed - waited;
        double documented = client + DOCUMENTED_START_SECONDS + objects / DOCUMENTED_RATE;
        String row = String.join("\t", Integer.toString(products), Integer.toString(seeded.getInt("variants")),
                Long.toString(objects), Long.toString(served.getJsonNumber("totalActualCost").longValue()),
                Long.toString(served.getJsonNumber("totalRequestedCost").longValue()),
                Long.toString(served.getJsonNumber("requests").longValue()),
                Long.toString(bulkStats.getJsonNumber("runQueries").longValue()),
                String.format(Locale.ROOT, "%.1f", client), String.format(Locale.ROOT, "%.1f", elapsed),
                String.format(Locale.ROOT, "%.0f", rate), String.format(Locale.ROOT, "%.1f", documented),
                Long.toString(peak / (1024 * 1024)), Long.toString(heap.liveAfterGcBytes() / (1024 * 1024)),
                Long.toString(HeapProbe.maxHeapBytes() / (1024 * 1024)),
                String.format(Locale.ROOT, "%.1f", snapshotBytes / 1e6), how.equals("through bulk operations") ? "bulk" : how);
        System.out.println(String.format(Locale.ROOT, "%,d products (%,d objects): %d points actual, %d requests, client %.1f s,"
                        + " elapsed %.1f s at %.0f objects/s, %.1f s at the documented rate, peak heap %d MB (live %d MB), snapshot %.1f MB, %s",
                products, objects, served.getJsonNumber("totalActualCost").longValue(), served.getJsonNumber("requests").longValue(),
                client, elapsed, rate, documented, peak / (1024 * 1024), heap.liveAfterGcBytes() / (1024 * 1024), snapshotBytes / 1e6, how));
        Files.writeString(results, row + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

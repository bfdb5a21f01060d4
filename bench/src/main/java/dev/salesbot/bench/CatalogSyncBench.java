package dev.salesbot.bench;

import dev.salesbot.sync.queue.control.Sleeper;
import dev.salesbot.sync.shopify.catalog.BotDigest;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.graphql.FetchStats;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.RetryPolicy;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.shopify.graphql.ThrottlePacer;
import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.storage.control.LocalDirectoryStore;
import dev.salesbot.sync.storage.control.StorageKey;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One full catalog sync against the sandbox Shopify, done by the product's own classes as
 * {@code StoreSyncHandler.run} does it: {@link CatalogFetch#all()} through a {@link PacedGraphql} and
 * {@link ThrottlePacer}, then the canonical bytes of the document and of its {@link BotDigest},
 * written to a {@link LocalDirectoryStore} in a temporary directory. Prints the figures and appends
 * one row to the results file.
 *
 * <p>Arguments: {@code baseUrl shop products bucketSize restoreRate resultsFile}. System
 * properties {@code bench.clientId}, {@code bench.clientSecret}: the sandbox app's credentials.
 */
public final class CatalogSyncBench {

    private static final String API_VERSION = "2026-10";

    private CatalogSyncBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        URI base = URI.create(args[0]);
        String shop = args[1];
        int products = Integer.parseInt(args[2]);
        int bucket = Integer.parseInt(args[3]);
        int restore = Integer.parseInt(args[4]);
        Path results = Path.of(args[5]);

        SandboxStore store = new SandboxStore(base, shop);
        JsonObject seeded = store.reseed(products, bucket, restore);
        String token = store.accessToken(System.getProperty("bench.clientId"), System.getProperty("bench.clientSecret"));
        Path dataDir = Files.createTempDirectory("salesbot-bench");
        HeapProbe heap = new HeapProbe();
        heap.reset();

        long started = System.nanoTime();
        long fetched;
        FetchStats fetchStats;
        int snapshotBytes;
        try (JdkGraphqlTransport transport = new JdkGraphqlTransport(store.adminEndpoint(API_VERSION), token)) {
            Clock clock = Clock.systemUTC();
            ThrottlePacer pacer = new ThrottlePacer(clock, Sleeper.system(ShopifyUnavailableException::interrupted));
            PacedGraphql graphql = new PacedGraphql(shop, transport, pacer, RetryPolicy.standard(), Sleeper.system(ShopifyUnavailableException::interrupted), clock);
            JsonObject document = new CatalogFetch(shop, graphql).all(false);
            fetchStats = graphql.stats();
            fetched = System.nanoTime();
            Completeness.check(document, seeded);
            LocalDirectoryStore snapshots = new LocalDirectoryStore(dataDir);
            UUID merchant = UUID.randomUUID();
            byte[] snapshot = CanonicalJson.bytes(document);
            snapshotBytes = snapshot.length;
            snapshots.put(StorageKey.shopifySnapshot(merchant), snapshot);
            snapshot = null;
            snapshots.put(StorageKey.shopifyDigest(merchant), CanonicalJson.bytes(BotDigest.of(document, Instant.now())));
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        // GC notifications are delivered on another thread: let the last one land before reading.
        Thread.sleep(200);
        long poolPeakSum = heap.poolPeakSumBytes();
        long peak = heap.realPeakBytes();
        long live = heap.liveAfterGcBytes();
        deleteTree(dataDir);

        JsonObject served = store.stats();
        long actual = served.getJsonNumber("totalActualCost").longValue();
        long requested = served.getJsonNumber("totalRequestedCost").longValue();
        double lowerBound = Math.max(0, actual - bucket) / (double) restore;
        BenchResult result = new BenchResult(products, seeded.getInt("variants"), bucket, restore, elapsed,
                (fetched - started) / 1e9,
                requested, actual, lowerBound, served.getJsonNumber("requests").longValue(),
                served.getJsonNumber("throttled").longValue(), fetchStats.retries(), fetchStats.waited().toMillis() / 1e3,
                poolPeakSum, peak, live, heap.collections(), heap.collectionMillis(), HeapProbe.maxHeapBytes(), snapshotBytes);
        System.out.println(result.describe());
        Files.writeString(results, result.row() + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

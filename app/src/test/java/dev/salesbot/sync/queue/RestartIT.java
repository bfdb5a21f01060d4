package dev.salesbot.sync.queue;

import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.Dirs;
import dev.salesbot.sync.testing.ItExecution;
import dev.salesbot.sync.testing.ItLanes;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.MicroProcess;
import dev.salesbot.sync.testing.SandboxShopify;
import dev.salesbot.sync.testing.ShopifyWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, "requests survive a restart and resume": a connect accepted while storage is down is
 * finished by the next server process, from the database alone, without a new connect; issue 9's
 * webhook recorded by one server is synced by the next; issue 14's bulk operations running at the
 * stop are waited for by the next server, which starts none; issue 24's sync parked on the first
 * server while they run is resumed by the second, whose single slot meanwhile serves a small
 * store's webhook, and finished once their finish webhooks reach it; issue 26's first server is
 * killed (SIGKILL) in the middle of a burst of webhooks, and every delivery it answered 200 is on
 * record, none it did not receive. One scenario, so two server starts prove all five. The platform (sandbox) runs in a third process that outlives both, as Shopify does.
 * Not Arquillian: the test starts and stops Payara Micro itself ({@link MicroProcess}), on its
 * own ports, database and DATA_DIR under {@code target/it-restart}, so no other IT is affected.
 */
@ItExecution(ItExecution.LOCAL_STORAGE)
@ResourceLock(ItLanes.OWN_SERVERS)
class RestartIT {

    static final String SHOP = "restart-outfitters";
    static final String SHOP_DOMAIN = SHOP + ".myshopify.com";
    static final String HOOKED = "restart-hooks";
    static final String HOOKED_DOMAIN = HOOKED + ".myshopify.com";
    /** The store whose webhooks arrive in a burst when the first server is killed (issue 26). */
    static final String BURST = "restart-burst";
    static final String BURST_DOMAIN = BURST + ".myshopify.com";
    /** Above BULK_THRESHOLD_PRODUCTS (250): its full sync goes through bulk operations. */
    static final String BULK = "restart-bulk";
    static final String BULK_DOMAIN = BULK + ".myshopify.com";
    static final int BULK_PRODUCTS = 300;
    /** More than one page of products, so the resumed sync must paginate. */
    static final String CATALOG_SIZE = "60";
    static final Duration RESUMED_WITHIN = Duration.ofSeconds(60);
    /** Quiet window (2 s) and one partial sync, with room for a slow machine; the benchmark measures it. */
    static final Duration SMALL_STORE_WITHIN = Duration.ofSeconds(20);

    private Path work;
    private Path dataDir;
    private Path database;

    /** Each test its own directory (kept after the run, with both servers' logs) under {@code target/it-restart}. */
    @BeforeEach
    void emptyWorkDirectory(org.junit.jupiter.api.TestInfo test) throws IOException {
        work = ItSettings.itDir().resolveSibling("it-restart").resolve(test.getTestMethod().orElseThrow().getName());
        dataDir = work.resolve("data");
        database = work.resolve("db/salesbot");
        Dirs.deleteTree(work);
        Files.createDirectories(dataDir);
    }

    /**
     * One stop between two servers, three promises: shop {@value #SHOP}'s connect, accepted while
     * storage was down, is finished by the next process without a new connect (issue 4); shop
     * {@value #HOOKED}'s webhook, recorded while its quiet window was still open, is synced by the
     * next process (issue 9, "a restart between receipt and sync loses no change"); shop
     * {@value #BULK}'s bulk operations, running at the stop, are waited for by the next process,
     * which starts none (issue 14): its sync, parked on the first server (pending, no attempt
     * counted), is resumed and parked again by the second, which meanwhile writes a
     * {@code products/update} of {@value #HOOKED} with its one slot, and writes the large store's
     * snapshot once the operations' {@code bulk_operations/finish} webhooks reach it (issue 24). The platform (the sandbox, in a process of its own) outlives
     * both servers, as Shopify does, and keeps what they started.
     */
    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES) // a safety net over the bounded waits; the servers are stopped either way
    void theNextServerFinishesWhatTheStoppedOneAccepted() throws IOException {
        UUID merchant;
        UUID bulkMerchant;
        Path hookedSnapshot;
        WebhookBurst burst;
        Path users = dataDir.resolve("users");
        Path kept = dataDir.resolve("users-while-down");
        try (MicroProcess platform = startPlatform()) {
            URI shopify = platform.base();
            control(shopify, "PUT", "sandbox/shopify/_control/shops/" + BULK_DOMAIN, "{\"products\": " + BULK_PRODUCTS + "}");
            // Read at once, then held RUNNING until the test lets them end: still running when the first
            // server stops and when the second one first looks at them.
            control(shopify, "PUT", "sandbox/shopify/_control/shops/" + BULK_DOMAIN + "/bulk",
                    "{\"objectsPerSecond\": 20000, \"startMillis\": 0, \"hold\": true}");
            // A shorter wait for the first snapshot than the default 20 s: long enough for the first attempt
            // (the catalog fetch on a cold server) to fail and be postponed, so the answer names the
            // reason, and few retries (1 s, 2 s …) are scheduled before the stop: the next process
            // finds the request due soon. The webhook's quiet window outlasts the rest of this server's life.
            try (MicroProcess first = start("server-1", platform, Map.of("CALLBACK_SYNC_WAIT_SECONDS", "12",
                    "WEBHOOK_QUIET_SECONDS", "60", "WEBHOOK_MAX_DELAY_SECONDS", "180"))) {
                JsonObject hooked = connect(first.base(), HOOKED);
                assertThat(hooked.getJsonObject("upload_status").getString("status")).isEqualTo("success");
                hookedSnapshot = dataDir.resolve("users/" + hooked.getString("user_uuid") + "/shopify/shopify_data.json");
                String product = json(Files.readString(hookedSnapshot)).getJsonObject("data").getJsonObject("products")
                        .getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("id");
                ShopifyWebhooks.editProduct(shopify, HOOKED_DOMAIN, product, "Renamed Before The Restart", null, true);
                awaitRow(HOOKED_DOMAIN, "SHOPIFY_CHANGES", "PENDING", Duration.ofSeconds(15), first);
                JsonObject bursting = connect(first.base(), BURST);
                assertThat(bursting.getJsonObject("upload_status").getString("status")).isEqualTo("success");
                String burstProduct = json(Files.readString(dataDir.resolve("users/" + bursting.getString("user_uuid")
                        + "/shopify/shopify_data.json"))).getJsonObject("data").getJsonObject("products")
                        .getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("id");

                // Storage down: a file where LocalDirectoryStore must find the users/ directory.
                Files.move(users, kept);
                Files.writeString(users, "storage is down: a file where a directory belongs\n");
                JsonObject answer = connect(first.base(), SHOP);
                merchant = UUID.fromString(answer.getString("user_uuid"));
                JsonObject upload = answer.getJsonObject("upload_status");
                assertThat(upload.getString("status")).as(upload.toString()).isEqualTo("pending");
                assertThat(upload.getString("message")).contains("Storage is unavailable", "users/" + merchant + "/shopify/shopify_data.json",
                        "Retrying automatically").doesNotContain(dataDir.toAbsolutePath().toString());

                // Its operations are held running: the sync parks (it needs no storage yet) and holds no slot.
                JsonObject large = connect(first.base(), BULK);
                bulkMerchant = UUID.fromString(large.getString("user_uuid"));
                assertThat(large.getJsonObject("upload_status").getString("status")).as(large.toString()).isEqualTo("pending");
                assertThat(large.getJsonObject("upload_status").getString("message"))
                        .contains("Waiting for Shopify's bulk operations of " + BULK_DOMAIN)
                        .contains("Its " + BULK_PRODUCTS + " products are read through Shopify's bulk operations");
                assertThat(Database.rows(database, "select count(*) as N from SHOPIFY_BULK_OPERATION where SHOP = ?", BULK_DOMAIN)
                        .get(0)).as("the running operations on record").containsEntry("N", 5L);

                // Issue 26: killed (SIGKILL) in the middle of a burst of webhooks, its intake full of batches.
                burst = WebhookBurst.killMidway(first, BURST_DOMAIN, burstProduct);
            }
            burst.assertEvery200IsRecordedAndEveryUnrecordedGotNo200(database);
            Map<String, Object> atRestart = syncRequest(SHOP_DOMAIN, "SHOPIFY_FULL");
            assertThat(atRestart).as("stored before the stop").containsEntry("STATE", "PENDING");
            assertThat(((Number) atRestart.get("ATTEMPTS")).intValue()).as("it failed at least once").isPositive();
            assertThat((String) atRestart.get("MESSAGE")).contains("Storage is unavailable")
                    .doesNotContain(dataDir.toAbsolutePath().toString());
            assertThat(syncRequest(HOOKED_DOMAIN, "SHOPIFY_CHANGES")).as("recorded, not yet synced").containsEntry("STATE", "PENDING");
            Map<String, Object> parked = syncRequest(BULK_DOMAIN, "SHOPIFY_FULL");
            assertThat(parked).as("parked, waiting for its bulk operations").containsEntry("STATE", "PENDING");
            assertThat(((Number) parked.get("ATTEMPTS")).intValue()).as("parked is no failed attempt").isZero();
            assertThat((String) parked.get("MESSAGE")).contains("Waiting for Shopify's bulk operations of " + BULK_DOMAIN);
            Path snapshot = dataDir.resolve("users/" + merchant + "/shopify/shopify_data.json");
            Files.delete(users);
            Files.move(kept, users);
            assertThat(Files.readString(hookedSnapshot)).doesNotContain("Renamed Before The Restart");
            int tokensBefore = tokenRequests(shopify, SHOP_DOMAIN) + tokenRequests(shopify, BULK_DOMAIN);

            // One slot: a parked sync must leave it to the others.
            try (MicroProcess second = start("server-2", platform, Map.of("SYNC_CONCURRENCY", "1"))) {
                Map<String, Object> row = awaitDone(snapshot, second);
                assertThat(row).as(row.toString()).containsEntry("OUTCOME", "success");
                assertThat((String) row.get("MESSAGE")).contains("Uploaded", SHOP_DOMAIN);
                assertThat(Files.exists(snapshot.resolveSibling("preprocessed_data.json"))).isTrue();
                assertWholeCatalog(json(Files.readString(snapshot)), sandboxCatalog(shopify, SHOP_DOMAIN));

                Map<String, Object> changes = awaitRow(HOOKED_DOMAIN, "SHOPIFY_CHANGES", "DONE", RESUMED_WITHIN, second);
                assertThat(changes).containsEntry("OUTCOME", "success");
                assertThat(Files.readString(hookedSnapshot)).contains("Renamed Before The Restart");

                // Issue 24: the second server resumes the parked sync (re-registering the store's webhooks
                // at its own address) and parks it again, its operations still running.
                awaitLog(second, "Sync of " + BULK_DOMAIN + " parked", RESUMED_WITHIN);
                String waitingProduct = json(Files.readString(hookedSnapshot)).getJsonObject("data").getJsonObject("products")
                        .getJsonArray("edges").getJsonObject(1).getJsonObject("node").getString("id");
                ShopifyWebhooks.editProduct(shopify, HOOKED_DOMAIN, waitingProduct, "Renamed While A Large Store Waits", null, false);
                long delivered = System.nanoTime();
                assertThat(webhook(second.base(), "products/update", HOOKED_DOMAIN,
                        ShopifyWebhooks.productUpdate(waitingProduct, "Renamed While A Large Store Waits")).statusCode()).isEqualTo(200);
                awaitFile(hookedSnapshot, "Renamed While A Large Store Waits", SMALL_STORE_WITHIN, second);
                System.out.printf("RestartIT: a small store's products/update stored %.1f s after its delivery, with one slot,"
                        + " while a large store's sync was parked%n", (System.nanoTime() - delivered) / 1e9);
                assertThat(syncRequest(BULK_DOMAIN, "SHOPIFY_FULL")).as("still parked").containsEntry("STATE", "PENDING");

                // The operations end: their bulk_operations/finish webhooks reach the second server, which writes the snapshot.
                control(shopify, "PUT", "sandbox/shopify/_control/shops/" + BULK_DOMAIN + "/bulk", "{\"hold\": false}");
                Map<String, Object> bulk = awaitRow(BULK_DOMAIN, "SHOPIFY_FULL", "DONE", RESUMED_WITHIN, second);
                assertThat(bulk).containsEntry("OUTCOME", "success");
                assertThat((String) bulk.get("MESSAGE")).contains("(fetched through bulk operations)");
                assertThat(log(second)).contains("of " + BULK_DOMAIN + " finished: completed");
                assertThat(json(control(shopify, "PUT", "sandbox/shopify/_control/shops/" + BULK_DOMAIN + "/bulk", "{}"))
                        .getInt("runQueries")).as("no second bulkOperationRunQuery").isEqualTo(5);
                Path large = dataDir.resolve("users/" + bulkMerchant + "/shopify/shopify_data.json");
                assertThat(json(Files.readString(large)).getJsonObject("data").getJsonObject("products").getJsonArray("edges"))
                        .hasSize(BULK_PRODUCTS);
                assertThat(log(second)).contains("Resuming 5 bulk operation(s) of " + BULK_DOMAIN);
                assertThat(tokenRequests(shopify, SHOP_DOMAIN) + tokenRequests(shopify, BULK_DOMAIN))
                        .as("no new install, exchange or refresh").isEqualTo(tokensBefore);
            }
        }
        assertThat(Database.rows(database, "select count(*) as N from SYNC_REQUEST where TARGET = ?", SHOP_DOMAIN).get(0))
                .as("the connect's request alone").containsEntry("N", 1L);
        assertThat(Database.rows(database, "select count(*) as N from SYNC_REQUEST where TARGET = ? and KIND = 'SHOPIFY_FULL'",
                HOOKED_DOMAIN).get(0)).as("no full sync after the connect's").containsEntry("N", 1L);
        assertThat(Database.rows(database, "select count(*) as N from SHOPIFY_BULK_OPERATION").get(0))
                .as("forgotten once the snapshot is written").containsEntry("N", 0L);
    }

    private static void awaitLog(MicroProcess server, String line, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log(server).contains(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no \"" + line + "\" within " + timeout.toSeconds() + " s; see " + server.log());
            }
            pause();
        }
    }

    private static void awaitFile(Path file, String text, Duration timeout, MicroProcess server) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(file).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("\"" + text + "\" not in " + file.getFileName() + " within " + timeout.toSeconds() + " s; see "
                        + server.log());
            }
            pause();
        }
    }

    /**
     * Signed {@code products/update} deliveries of one product, each its own webhook id, sent from
     * eight connections as fast as they are answered, to a server killed once a few hundred were
     * answered: what each delivery got (a status, or no answer).
     */
    static final class WebhookBurst {
        static final int SENDERS = 8;
        static final int MOST = 20_000;
        final Map<String, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();

        static WebhookBurst killMidway(MicroProcess server, String shop, String product) {
            WebhookBurst burst = new WebhookBurst();
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            byte[] body = ShopifyWebhooks.productUpdate(product, "Renamed In A Burst").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String hmac = ShopifyWebhooks.sign(SandboxShopify.appSecret(), body);
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(SENDERS);
            try {
                for (int t = 0; t < SENDERS; t++) {
                    senders.submit(() -> {
                        int failuresAfterKill = 0;
                        while (sent.incrementAndGet() <= MOST && failuresAfterKill < 3) {
                            String id = "burst-" + UUID.randomUUID();
                            int status;
                            try {
                                status = client.send(HttpRequest.newBuilder(Browser.resolve(server.base(), "shopify/webhook"))
                                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                                        .header("X-Shopify-Topic", "products/update").header("X-Shopify-Shop-Domain", shop)
                                        .header("X-Shopify-Webhook-Id", id).header("X-Shopify-Hmac-Sha256", hmac)
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                        HttpResponse.BodyHandlers.discarding()).statusCode();
                            } catch (IOException e) {
                                status = -1; // no answer: the connection died with the server
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            burst.answers.put(id, status);
                            failuresAfterKill += killed.get() ? 1 : 0;
                        }
                    });
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (burst.answers.values().stream().filter(s -> s == 200).count() < 300 && System.nanoTime() < deadline) {
                    pause();
                }
                killed.set(true);
                server.kill();
            } finally {
                senders.shutdown();
                try {
                    if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                        senders.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    senders.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
            return burst;
        }

        void assertEvery200IsRecordedAndEveryUnrecordedGotNo200(Path database) {
            java.util.Set<String> recorded = new java.util.HashSet<>();
            for (Map<String, Object> row : Database.rows(database, "select ID from WEBHOOK_DELIVERY where ID like 'shopify:burst-%'")) {
                recorded.add(((String) row.get("ID")).substring("shopify:".length()));
            }
            Map<Boolean, Long> acknowledged = answers.entrySet().stream()
                    .collect(java.util.stream.Collectors.partitioningBy(e -> e.getValue() == 200, java.util.stream.Collectors.counting()));
            System.out.printf("RestartIT: a burst of %d deliveries, killed midway: %d answered 200, %d not (%d of those recorded all the same)%n",
                    answers.size(), acknowledged.get(true), acknowledged.get(false),
                    answers.entrySet().stream().filter(e -> e.getValue() != 200 && recorded.contains(e.getKey())).count());
            assertThat(acknowledged.get(true)).as("the kill came in the middle of the burst").isGreaterThanOrEqualTo(300);
            assertThat(acknowledged.get(false)).as("deliveries the kill cut off").isPositive();
            assertThat(answers.entrySet().stream().filter(e -> e.getValue() == 200).map(Map.Entry::getKey))
                    .as("nothing acknowledged is lost").allMatch(recorded::contains);
            assertThat(recorded).as("nothing recorded that was not sent").allMatch(answers::containsKey);
        }
    }

    /** A delivery signed as Shopify signs it, sent to one server. */
    private static HttpResponse<String> webhook(URI base, String topic, String shop, String json) {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new Browser(base).send(HttpRequest.newBuilder(Browser.resolve(base, "shopify/webhook"))
                .header("Content-Type", "application/json").header("X-Shopify-Topic", topic).header("X-Shopify-Shop-Domain", shop)
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", ShopifyWebhooks.sign(SandboxShopify.appSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The platforms: the sandbox (with an idle product beside it) on a database and data directory of its own. */
    private MicroProcess startPlatform() {
        int port = MicroProcess.freePort();
        Map<String, String> overrides = new java.util.HashMap<>();
        overrides.put("DATA_DIR", work.resolve("platform-data").toAbsolutePath().toString());
        overrides.put("SANDBOX_SHOPIFY_PRODUCTS", CATALOG_SIZE);
        Properties settings = MicroProcess.settings(ItSettings.all(), System.getProperty("it.http.port"), port, overrides);
        return MicroProcess.start("platform", work, Path.of(System.getProperty("it.war")), Optional.of(MicroProcess.sandboxWar()),
                port, settings, work.resolve("platform-db/salesbot"));
    }

    /** A product server (no sandbox) calling the platform's sandbox, called back at its own port. */
    private MicroProcess start(String name, MicroProcess platform, Map<String, String> extra) {
        int port = MicroProcess.freePort();
        Map<String, String> overrides = new java.util.HashMap<>(extra);
        overrides.put("DATA_DIR", dataDir.toAbsolutePath().toString());
        // A server stopped mid-attempt leaves its lease on the target; the next process (it cannot
        // tell a stopped holder from a live one) takes the target over once the lease expires.
        overrides.put("SYNC_LEASE_SECONDS", "10");
        Properties settings = MicroProcess.settings(ItSettings.all(), System.getProperty("it.http.port"), port, overrides);
        String platformPort = Integer.toString(platform.base().getPort());
        for (String key : List.of("SHOPIFY_SHOP_BASE_URL", "FACEBOOK_GRAPH_BASE_URL", "FACEBOOK_DIALOG_BASE_URL", "BULK_RESULT_ADDRESSES")) {
            settings.setProperty(key, settings.getProperty(key).replace("127.0.0.1:" + port + "/", "127.0.0.1:" + platformPort + "/"));
        }
        return MicroProcess.start(name, work, Path.of(System.getProperty("it.war")), Optional.empty(), port, settings, database);
    }

    private Map<String, Object> awaitRow(String shop, String kind, String state, Duration timeout, MicroProcess server) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Map<String, Object>> rows = List.of();
        while (System.nanoTime() < deadline) {
            rows = Database.rows(database, "select STATE, OUTCOME, MESSAGE from SYNC_REQUEST where TARGET = ? and KIND = ?", shop, kind);
            if (rows.size() == 1 && state.equals(rows.get(0).get("STATE"))) {
                return rows.get(0);
            }
            pause();
        }
        throw new AssertionError("no " + state + " " + kind + " request within " + timeout.toSeconds() + " s: " + rows + "; see " + server.log());
    }

    private static JsonObject connect(URI base, String shop) {
        Browser browser = new Browser(base);
        URI callback = SandboxShopify.installUntilCallback(browser, shop);
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body());
    }

    private Map<String, Object> syncRequest(String shop, String kind) {
        List<Map<String, Object>> rows = Database.rows(database,
                "select STATE, ATTEMPTS, OUTCOME, MESSAGE from SYNC_REQUEST where TARGET = ? and KIND = ?", shop, kind);
        assertThat(rows).as("one durable " + kind + " request").hasSize(1);
        return rows.get(0);
    }

    /** Polls the file and the row: the resumed sync must close both within the bound. */
    private Map<String, Object> awaitDone(Path snapshot, MicroProcess server) {
        long deadline = System.nanoTime() + RESUMED_WITHIN.toNanos();
        Map<String, Object> row = Map.of();
        while (System.nanoTime() < deadline) {
            row = syncRequest(SHOP_DOMAIN, "SHOPIFY_FULL");
            if (Files.isRegularFile(snapshot) && "DONE".equals(row.get("STATE"))) {
                return row;
            }
            pause();
        }
        throw new AssertionError("not resumed within " + RESUMED_WITHIN.toSeconds() + " s: snapshot "
                + (Files.exists(snapshot) ? "written" : "missing") + ", request " + row + "; see " + server.log());
    }

    /** The sandbox store's own counts (re-seeding is deterministic: the same catalog again). */
    private static JsonObject sandboxCatalog(URI platform, String shop) {
        return json(control(platform, "PUT", "sandbox/shopify/_control/shops/" + shop, "{}"));
    }

    private static int tokenRequests(URI platform, String shop) {
        HttpResponse<String> answer = new Browser(platform).get("sandbox/shopify/_control/oauth/shops/" + shop + "/stats");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body()).getInt("tokenRequests");
    }

    private static String control(URI platform, String method, String path, String body) {
        HttpResponse<String> answer = new Browser(platform).send(HttpRequest.newBuilder(Browser.resolve(platform, path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static String log(MicroProcess server) throws IOException {
        return Files.readString(server.log());
    }

    private static void assertWholeCatalog(JsonObject document, JsonObject expected) {
        JsonObject data = document.getJsonObject("data");
        JsonArray products = edges(data, "products");
        int variants = products.stream().mapToInt(p -> edges(p.asJsonObject().getJsonObject("node"), "variants").size()).sum();
        assertThat(products).hasSize(expected.getInt("products"));
        assertThat(variants).isEqualTo(expected.getInt("variants"));
        assertThat(edges(data, "codeDiscountNodes")).hasSize(expected.getInt("discounts"));
        assertThat(edges(data, "collections")).hasSize(expected.getInt("collections"));
        assertThat(data.getJsonObject("products").getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
    }

    private static JsonArray edges(JsonObject parent, String connection) {
        JsonValue value = parent.get(connection);
        return value instanceof JsonObject c ? c.getJsonArray("edges") : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.salesbot.sync.poll;

import dev.salesbot.sync.testing.AdminClient;
import dev.salesbot.sync.testing.Await;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Dirs;
import dev.salesbot.sync.testing.ItExecution;
import dev.salesbot.sync.testing.ItLanes;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.MicroProcess;
import dev.salesbot.sync.testing.PollNowTool;
import dev.salesbot.sync.testing.Postgres;
import dev.salesbot.sync.testing.SandboxShopify;
import dev.salesbot.sync.testing.ShopifyWebhooks;
import jakarta.json.Json;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "several servers, one database": two Payara Micro servers on one real PostgreSQL
 * (started by {@code .ci/postgres.sh}, configured by the README's {@code payara-config/postgresql.asadmin}),
 * 200 sandbox stores, one poll now. Each store is polled exactly once per cycle, not once per
 * server; the sandbox, which records who called each store ({@code User-Agent}: the instance
 * name), never sees two servers on one store at the same time; and a server killed with SIGKILL
 * mid-poll loses nothing: the other finishes its work once the dead one's leases expire.
 *
 * <p>Issue 23 adds, before the poll: one browser served by each server in turn (no sticky
 * sessions), fencing (a paused server writes nothing after the other deleted its store) and pacing
 * across servers. The servers run the documented several-server set-up: the README's PostgreSQL
 * pre-boot file, https callback addresses (TLS ends at the load balancer, which trusts
 * {@code TRUSTED_PROXIES=127.0.0.1}).
 *
 * <p>Server A serves the sandbox too (it plays Shopify for both, as the platform would); B is
 * the one killed. Not Arquillian: the test starts and kills the servers itself ({@link MicroProcess}).
 */
@ItExecution(ItExecution.LOCAL_STORAGE)
@ResourceLock(ItLanes.OWN_SERVERS)
class ClusterIT {

    static final int STORES = 200;
    static final int LEASE_SECONDS = 10;
    /** A year: no store's spread-out poll falls due during the test, only poll now's. */
    static final String POLL_INTERVAL_HOURS = "8760";
    /** Stores whose sync is paced on a small, slow bucket while both servers' consoles act on them. */
    static final int PACED_STORES = 4;
    static final String A = "salesbot-sync (server-a)";
    static final String B = "salesbot-sync (server-b)";

    private Path work;

    @BeforeEach
    void emptyWorkDirectory() throws IOException {
        work = ItSettings.itDir().resolveSibling("it-cluster");
        Dirs.deleteTree(work);
        Files.createDirectories(work.resolve("data"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a safety net over the bounded waits; servers and database are stopped either way
    void twoServersPollEachStoreOnceNeverTogetherAndAKilledServersWorkIsFinishedByTheOther() throws Exception {
        List<String> shops = IntStream.rangeClosed(1, STORES).mapToObj(i -> String.format("cluster-store-%03d.myshopify.com", i)).toList();
        try (Postgres db = Postgres.start()) {
            int portA = MicroProcess.freePort();
            try (MicroProcess a = start("server-a", portA, portA, db, true)) {
                // B boots while A takes the connects: the servers share the work from the first one on.
                CompletableFuture<MicroProcess> starting = CompletableFuture.supplyAsync(() -> start("server-b", MicroProcess.freePort(), portA, db, false));
                MicroProcess b = null;
                try {
                    connectAll(a.base(), shops);
                    b = starting.get(3, TimeUnit.MINUTES);
                    await("the connects' first syncs", Duration.ofSeconds(120), a,
                            () -> db.count("select count(*) from SYNC_REQUEST where STATE = 'PENDING'") == 0);
                    assertThat(db.count("select count(*) from SYNC_REQUEST where STATE = 'DONE' and OUTCOME = 'success'"))
                            .as("every connect's first sync").isEqualTo(STORES);
                    aBrowserServedByEachServerInTurnConnectsBothPlatformsAndTheAdminActs(db, a, b);
                    consoleActionsOnBothServersLeaveTheSyncsBucketRoom(db, a, b, shops.subList(0, PACED_STORES));
                    aServerPausedPastItsLeaseWritesNothingAfterTheOtherDeletedTheStore(db, a, b);
                    for (String shop : shops) {
                        control(a.base(), "POST", "sandbox/shopify/_control/shops/" + shop + "/stats/reset", null);
                        // Each Admin call takes 40 ms longer: a store's poll lasts long enough for the kill to land mid-poll.
                        control(a.base(), "PUT", "sandbox/shopify/_control/shops/" + shop + "/latency", "{\"millis\":40}");
                    }

                    int enqueuedByA = PollNowTool.run(a.process().pid());
                    assertThat(enqueuedByA).as("B's own poll tick may take some of the due slots, never more than all").isBetween(1, STORES);
                    MicroProcess killed = b;
                    await("B running polls", Duration.ofSeconds(60), b, () -> polledDone(db) >= STORES / 5
                            && db.count("select count(*) from SYNC_LEASE where HOLDER like 'server-b/%'") > 0);
                    killed.kill();
                    Set<String> cut = new TreeSet<>();
                    db.rows("select TARGET from SYNC_LEASE where HOLDER like 'server-b/%'").forEach(r -> cut.add((String) r.get("target")));
                    assertThat(cut).as("B was killed mid-poll: its leases are left").isNotEmpty();
                    long doneAtKill = polledDone(db);
                    assertThat(doneAtKill).as("the kill came before the cycle's end").isLessThan(STORES);

                    await("A finishing the cycle", Duration.ofSeconds(LEASE_SECONDS * 6L + 60), a, () -> polledDone(db) == STORES);

                    assertEachStorePolledOnce(db, shops);
                    assertThat(db.count("select count(*) from SYNC_LEASE where HOLDER <> '' or EXPIRES_AT > 0"))
                            .as("every lease given back, B's taken over").isZero();
                    assertNeverTwoServersAtOnce(a.base(), shops, cut);
                    try (Stream<Path> files = Files.walk(work.resolve("data"))) {
                        assertThat(files.filter(f -> f.endsWith(Path.of("shopify", "shopify_data.json"))).count())
                                .as("every store's snapshot, in the storage both servers share").isEqualTo(STORES);
                    }
                } finally {
                    if (b == null) {
                        starting.thenAccept(MicroProcess::close);
                    } else if (b.process().isAlive()) {
                        b.close();
                    }
                }
            }
        }
    }

    /**
     * Issue 23, no sticky sessions: one browser behind a round-robin load balancer (every request
     * to the application goes to the other server than the one before, with the
     * {@code X-Forwarded-For} it adds) connects a store and its Facebook Pages, uses My connections
     * (its status JSON and a CSRF-checked disconnect form), and the admin fails a login, logs in,
     * deletes the merchant and logs out. Every step is answered as on one server; the failed login
     * is counted against the forwarded client (the servers trust the load balancer's address).
     */
    private static void aBrowserServedByEachServerInTurnConnectsBothPlatformsAndTheAdminActs(Postgres db, MicroProcess a, MicroProcess b) {
        String client = "198.51.100.23";
        Browser browser = Browser.behindLoadBalancer(client, a.base(), b.base());

        URI callback = SandboxShopify.installUntilCallback(browser, "cluster-round-robin");
        HttpResponse<String> connected = browser.get(callback.toString(), Browser.JSON);
        assertThat(connected.statusCode()).as("the callback, on the other server than the login: " + connected.body()).isEqualTo(200);
        String merchant = json(connected.body()).getString("user_uuid");
        assertThat(browser.cookie("__Host-salesbot-session")).as("the session cookie of an https site")
                .hasValueSatisfying(cookie -> assertThat(cookie.getSecure()).isTrue());
        assertThat(browser.get("/connections", Browser.HTML).body()).contains("cluster-round-robin.myshopify.com");
        HttpResponse<String> status = browser.get("/connections/status", Browser.JSON);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(json(status.body()).getString("user_uuid")).isEqualTo(merchant);

        URI facebookCallback = dev.salesbot.sync.testing.SandboxFacebook.dialogUntilCallback(browser,
                dev.salesbot.sync.testing.SandboxFacebook.Choice.allowAll());
        HttpResponse<String> pages = browser.get(facebookCallback.toString(), Browser.JSON);
        assertThat(pages.statusCode()).as(pages.body()).isEqualTo(200);
        List<String> pageIds = json(pages.body()).getJsonObject("pages").getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("id")).toList();
        assertThat(pageIds).as("Pages joined the session's merchant, on another server").isNotEmpty();
        String page = browser.get("/connections", Browser.HTML).body();
        java.util.regex.Matcher form = java.util.regex.Pattern.compile("action=\"/connections/([^/\"]+)/disconnect\"").matcher(page);
        assertThat(form.find()).as(page).isTrue();
        HttpResponse<String> disconnected = browser.postForm("/connections/" + form.group(1) + "/disconnect",
                Map.of("csrf", AdminClient.csrf(page)));
        assertThat(disconnected.statusCode()).as("the form's token, checked by the other server: " + disconnected.body()).isEqualTo(303);
        assertThat(browser.get("/connections", Browser.HTML).body()).as("the message, shown by the next server").contains("Disconnected: its access keys are deleted");

        HttpResponse<String> loginForm = browser.get("/admin/login", Browser.HTML);
        HttpResponse<String> wrong = browser.postForm("/admin/login",
                Map.of("csrf", AdminClient.csrf(loginForm.body()), "username", AdminClient.USER, "password", "not-the-password"));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
        assertThat(db.count("select count(*) from LOGIN_FAILURE where SUBJECT = 'client " + client + "'"))
                .as("counted against the forwarded client, not the load balancer").isEqualTo(1);
        String csrf = AdminClient.login(browser);
        assertThat(browser.get("/admin", Browser.HTML).body()).contains("cluster-round-robin.myshopify.com");
        HttpResponse<String> deleted = browser.postForm("/admin/merchants/" + merchant + "/delete", Map.of("csrf", csrf));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(303);
        assertThat(browser.get("/admin", Browser.HTML).body()).contains("Merchant " + merchant);
        assertThat(browser.postForm("/admin/logout", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin", Browser.HTML).statusCode()).as("logged out on every server").isEqualTo(303);

        List<URI> served = browser.served();
        assertThat(served).as("the round robin reached both servers").contains(a.base(), b.base());
        for (int i = 1; i < served.size(); i++) {
            assertThat(served.get(i)).as("request " + i + " went to the other server").isNotEqualTo(served.get(i - 1));
        }
        await("the merchant's deletion", Duration.ofSeconds(60), a,
                () -> db.count("select count(*) from SHOPIFY_CONNECTION where SHOP = 'cluster-round-robin.myshopify.com'") == 0
                        && db.count("select count(*) from SYNC_REQUEST where STATE = 'PENDING'") == 0);
        System.out.printf("ClusterIT: one browser served in turn by both servers, %d requests%n", served.size());
    }

    /**
     * Issue 23, fencing: a store's full sync is slowed down (each Admin call 1.5 s); the server that
     * claims it is paused (SIGSTOP) until its lease has expired by the database's clock; the other
     * server receives the store's {@code app/uninstalled} and {@code shop/redact} and deletes it;
     * the paused server resumes (SIGCONT) and finds it lost the lease: nothing of the store is
     * written again, and its log says why.
     */
    private void aServerPausedPastItsLeaseWritesNothingAfterTheOtherDeletedTheStore(Postgres db, MicroProcess a, MicroProcess b)
            throws Exception {
        String shop = "cluster-fenced.myshopify.com";
        connectAll(a.base(), List.of(shop));
        await("the fenced store's first sync", Duration.ofSeconds(60), a,
                () -> db.count("select count(*) from SYNC_REQUEST where TARGET = ? and STATE = 'PENDING'", shop) == 0);
        Map<String, Object> connection = db.rows("select ID, MERCHANT_ID from SHOPIFY_CONNECTION where SHOP = ?", shop).get(0);
        Path objects = work.resolve("data").resolve("users").resolve((String) connection.get("merchant_id")).resolve("shopify");
        assertThat(objects.resolve("shopify_data.json")).exists();
        control(a.base(), "PUT", "sandbox/shopify/_control/shops/" + shop + "/latency", "{\"millis\":1500}");

        adminSync(a.base(), (String) connection.get("id"));
        await("a server claiming the store", Duration.ofSeconds(30), a,
                () -> db.count("select count(*) from SYNC_LEASE where TARGET = ? and HOLDER <> ''", shop) == 1);
        String holder = (String) db.rows("select HOLDER from SYNC_LEASE where TARGET = ?", shop).get(0).get("holder");
        MicroProcess paused = holder.startsWith("server-a/") ? a : b;
        MicroProcess other = paused == a ? b : a;
        signal("STOP", paused);
        try {
            // The uninstall first, while the paused server's lease still holds: it ends the pending
            // sync, so the other server, once the lease expires, runs the redaction and nothing else.
            String uninstall = "{\"id\":1,\"myshopify_domain\":\"" + shop + "\"}";
            assertThat(webhook(other.base(), "app/uninstalled", shop, uninstall).statusCode()).isEqualTo(200);
            await("the paused server's lease to expire by the database's clock", Duration.ofSeconds(LEASE_SECONDS * 3L), other,
                    () -> db.count("select count(*) from SYNC_LEASE where TARGET = ? and EXPIRES_AT < "
                            + "EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000", shop) == 1);
            assertThat(webhook(other.base(), "shop/redact", shop, "{\"shop_id\":1,\"shop_domain\":\"" + shop + "\"}").statusCode())
                    .isEqualTo(200);
            await("the other server's redaction", Duration.ofSeconds(60), other,
                    () -> db.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'SHOPIFY_REDACT' and STATE = 'DONE'", shop) == 1);
            assertThat(db.count("select count(*) from SHOPIFY_CONNECTION where SHOP = ?", shop)).isZero();
        } finally {
            signal("CONT", paused);
        }
        await("the resumed server to find it lost the lease", Duration.ofSeconds(90), paused,
                () -> log(paused).contains("Sync of " + shop + " stopped: This server lost the lease of " + shop));
        try (Stream<Path> left = Files.exists(objects) ? Files.walk(objects).filter(Files::isRegularFile) : Stream.empty()) {
            assertThat(left.toList()).as("nothing of the deleted store written again").isEmpty();
        }
        control(a.base(), "PUT", "sandbox/shopify/_control/shops/" + shop + "/latency", "{\"millis\":0}");
    }

    /**
     * Issue 23, pacing across servers: a few stores get a small, slow bucket (1,000 points, 25 a
     * second: a sync's page requests up to 862, so it waits at the bucket's edge between pages), a
     * sync of each is asked for, and while it runs the console re-registers the store's webhooks
     * through both servers, again and again. The sync's lease holder and the other server's calls
     * share the bucket through the database: Shopify (the sandbox) answers none of them THROTTLED.
     */
    private static void consoleActionsOnBothServersLeaveTheSyncsBucketRoom(Postgres db, MicroProcess a, MicroProcess b,
                                                                          List<String> paced) throws Exception {
        for (String shop : paced) {
            control(a.base(), "PUT", "sandbox/shopify/_control/shops/" + shop, "{\"bucketSize\":1000,\"restoreRate\":25}");
            control(a.base(), "POST", "sandbox/shopify/_control/shops/" + shop + "/stats/reset", null);
        }
        ExecutorService consoles = Executors.newFixedThreadPool(paced.size());
        // One admin call at a time: the login throttle counts each Basic attempt as its client's failure
        // until it succeeds, so parallel calls from one address answer 429 (too-many-failed-logins).
        Object oneLogin = new Object();
        try {
            List<Future<Integer>> actions = new ArrayList<>();
            for (String shop : paced) {
                String id = (String) db.rows("select ID from SHOPIFY_CONNECTION where SHOP = ?", shop).get(0).get("id");
                adminSync(a.base(), id);
                actions.add(consoles.submit(() -> {
                    int calls = 0;
                    // Bounded: at most 12 calls, alternately through B and A, until the store's sync has ended.
                    while (calls < 12 && db.count("select count(*) from SYNC_REQUEST where TARGET = ? and STATE = 'PENDING'", shop) > 0) {
                        HttpResponse<String> answer;
                        synchronized (oneLogin) {
                            answer = adminPost(calls % 2 == 0 ? b.base() : a.base(), "admin/api/connections/" + id + "/webhooks");
                        }
                        assertThat(answer.statusCode()).as(shop + ": " + answer.body()).isEqualTo(200);
                        calls++;
                        Thread.sleep(300);
                    }
                    return calls;
                }));
            }
            List<Integer> calls = new ArrayList<>();
            for (Future<Integer> action : actions) {
                calls.add(action.get(4, TimeUnit.MINUTES));
            }
            System.out.printf("ClusterIT: console calls per paced store during its sync: %s%n", calls);
            assertThat(calls).as("console actions during each sync").allMatch(n -> n > 0);
        } finally {
            consoles.shutdownNow();
        }
        await("the paced stores' syncs", Duration.ofSeconds(120), a, () -> paced.stream().allMatch(shop ->
                db.count("select count(*) from SYNC_REQUEST where TARGET = ? and STATE = 'PENDING'", shop) == 0));
        Map<String, Long> throttled = new java.util.TreeMap<>();
        for (String shop : paced) {
            JsonObject stats = json(control(a.base(), "GET", "sandbox/shopify/_control/shops/" + shop + "/stats", null));
            throttled.put(shop, stats.getJsonNumber("throttled").longValue());
            control(a.base(), "PUT", "sandbox/shopify/_control/shops/" + shop, "{\"bucketSize\":2000,\"restoreRate\":100}");
        }
        System.out.printf("ClusterIT: THROTTLED answers per paced store while both servers worked it: %s%n", throttled);
        assertThat(throttled.values()).as("THROTTLED answers while a sync and both servers' console shared the bucket")
                .containsOnly(0L);
    }

    private static HttpResponse<String> adminPost(URI base, String path) {
        return new Browser(base).send(HttpRequest.newBuilder(Browser.resolve(base, path))
                .header("Authorization", AdminClient.basic(AdminClient.USER, AdminClient.PASSWORD))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static void signal(String signal, MicroProcess server) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(server.process().pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
    }

    private static String log(MicroProcess server) {
        try {
            return Files.readString(server.log());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The console's "sync now", through the admin API with the tests' admin. */
    private static void adminSync(URI base, String connectionId) {
        HttpResponse<String> answer = new Browser(base).send(HttpRequest.newBuilder(Browser.resolve(base, "admin/api/connections/" + connectionId + "/sync"))
                .header("Authorization", AdminClient.basic(AdminClient.USER, AdminClient.PASSWORD))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 202);
    }

    /** A delivery signed as Shopify signs it, sent to {@code base} (one server, as a load balancer would). */
    private static HttpResponse<String> webhook(URI base, String topic, String shop, String json) {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new Browser(base).send(HttpRequest.newBuilder(Browser.resolve(base, "shopify/webhook"))
                .header("Content-Type", "application/json").header("X-Shopify-Topic", topic).header("X-Shopify-Shop-Domain", shop)
                .header("X-Shopify-Webhook-Id", java.util.UUID.randomUUID().toString())
                .header("X-Shopify-Triggered-At", java.time.Instant.now().toString())
                .header("X-Shopify-Hmac-Sha256", ShopifyWebhooks.sign(SandboxShopify.appSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Polls finished this cycle (poll now's requests carry the {@code poll} payload). */
    private static long polledDone(Postgres db) {
        return db.count("select count(*) from SYNC_REQUEST where PAYLOAD = 'poll' and STATE = 'DONE'");
    }

    private static void assertEachStorePolledOnce(Postgres db, List<String> shops) {
        Map<String, Long> polls = new HashMap<>();
        for (Map<String, Object> row : db.rows("select TARGET, STATE, OUTCOME, KIND from SYNC_REQUEST where PAYLOAD = 'poll'")) {
            assertThat(row).as("a poll request").containsEntry("state", "DONE").containsEntry("kind", "SHOPIFY_FULL");
            assertThat((String) row.get("outcome")).as(row.toString()).isIn("success", "unchanged");
            polls.merge((String) row.get("target"), 1L, Long::sum);
        }
        assertThat(polls.keySet()).as("every store polled").containsExactlyInAnyOrderElementsOf(shops);
        assertThat(polls.values()).as("each once per cycle, not once per server").containsOnly(1L);
    }

    /**
     * The sandbox's record per store: which server called, in order, and whether a call began
     * while another server's was being answered. A store's calls come from one server, or (a
     * store B was running when it was killed) from B and then A, who read it again in full.
     */
    private static void assertNeverTwoServersAtOnce(URI sandbox, List<String> shops, Set<String> cut) {
        int byA = 0;
        int byB = 0;
        for (String shop : shops) {
            JsonObject stats = json(control(sandbox, "GET", "sandbox/shopify/_control/shops/" + shop + "/stats", null));
            assertThat(stats.getJsonNumber("overlappingCalls").longValue()).as(shop + " called by two servers at once").isZero();
            List<String> callers = new ArrayList<>();
            List<Long> fullReads = new ArrayList<>();
            for (JsonValue run : stats.getJsonArray("callers")) {
                callers.add(run.asJsonObject().getString("caller"));
                JsonObject operations = run.asJsonObject().getJsonObject("operations");
                fullReads.add(operations.containsKey("CatalogShop") ? operations.getJsonNumber("CatalogShop").longValue() : 0L);
            }
            if (cut.contains(shop)) {
                // B held it when killed: B may have called the store already (or not yet); A then read it once in full.
                assertThat(String.join(" then ", callers)).as(shop).isIn(A, B, B + " then " + A);
                assertThat(fullReads.get(fullReads.size() - 1)).as(shop + ": A read it once in full").isEqualTo(1L);
            } else {
                assertThat(callers).as(shop + ": one server only").hasSize(1).containsAnyOf(A, B);
                assertThat(fullReads).as(shop + ": read once in full").containsExactly(1L);
                if (callers.get(0).equals(A)) {
                    byA++;
                } else {
                    byB++;
                }
            }
        }
        assertThat(byA).as("A polled stores").isPositive();
        assertThat(byB).as("B polled stores before it was killed").isPositive();
        System.out.printf("ClusterIT: %d stores polled by A alone, %d by B alone before the kill, %d cut by the kill and finished by A%n",
                byA, byB, cut.size());
    }

    /** The merchants' connects, four browsers at a time, through A (behind a load balancer, any server would do). */
    private static void connectAll(URI base, List<String> shops) throws Exception {
        ExecutorService browsers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> connects = new ArrayList<>();
            for (String shop : shops) {
                connects.add(browsers.submit(() -> {
                    Browser browser = Browser.behindLoadBalancer("192.0.2.10", base);
                    URI callback = SandboxShopify.installUntilCallback(browser, shop.substring(0, shop.indexOf('.')));
                    HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    assertThat(json(answer.body()).getJsonObject("polling_test").getString("status")).isEqualTo("success");
                    return null;
                }));
            }
            for (Future<?> connect : connects) {
                connect.get(2, TimeUnit.MINUTES);
            }
        } finally {
            browsers.shutdownNow();
        }
    }

    private MicroProcess start(String name, int port, int sandboxPort, Postgres db, boolean sandbox) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("INSTANCE_NAME", name);
        overrides.put("DATA_DIR", work.resolve("data").toAbsolutePath().toString());
        overrides.put("SANDBOX_SHOPIFY_PRODUCTS", "5");
        overrides.put("SYNC_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
        overrides.put("SYNC_CONCURRENCY", "4");
        overrides.put("POLL_INTERVAL_HOURS", POLL_INTERVAL_HOURS);
        // Behind the load balancer of the round-robin phase, on this machine: its X-Forwarded-For is believed.
        overrides.put("TRUSTED_PROXIES", "127.0.0.1");
        // Both servers behind one address, as behind a load balancer: A's (which also plays the platforms).
        Properties settings = MicroProcess.settings(ItSettings.all(), System.getProperty("it.http.port"), sandboxPort, overrides);
        // TLS ends at the load balancer: the public callback addresses are https (the session cookie is
        // then __Host-…; Secure), the servers themselves speak http (Browser.behindLoadBalancer).
        for (String callback : List.of("SHOPIFY_REDIRECT_URI", "FACEBOOK_REDIRECT_URI")) {
            settings.setProperty(callback, settings.getProperty(callback).replace("http://", "https://"));
        }
        return MicroProcess.start(name, work, Path.of(System.getProperty("it.war")),
                sandbox ? Optional.of(MicroProcess.sandboxWar()) : Optional.empty(), port, settings, db.pool());
    }

    private static void await(String what, Duration within, MicroProcess server, BooleanSupplier done) {
        Await.await(done, within, what + "; see " + server.log());
    }

    private static String control(URI base, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Browser.resolve(base, path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = new Browser(base).send(request);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 299);
        return answer.body();
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}

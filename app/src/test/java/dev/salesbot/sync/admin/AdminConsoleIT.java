package dev.salesbot.sync.admin;

import dev.salesbot.sync.account.MerchantPagesTests;
import dev.salesbot.sync.testing.AdminClient;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Chromium;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.Deployments;
import dev.salesbot.sync.testing.ItExecution;
import dev.salesbot.sync.testing.ItLanes;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.Jmx;
import dev.salesbot.sync.testing.OtherPeer;
import dev.salesbot.sync.testing.SandboxAdmin;
import dev.salesbot.sync.testing.SandboxFacebook;
import dev.salesbot.sync.testing.SandboxShopify;
import dev.salesbot.sync.testing.ShopifyWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.salesbot.sync.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the operators' console on a real Payara Micro, through the sandbox platforms, over
 * loopback: who may enter, what each action does (proved in the database, the storage directory
 * and the sandbox's records), that no answer carries a token, health and metrics. The merchant's
 * pages ({@link MerchantPagesTests}, issue 13) run in this same server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ItExecution(ItExecution.LOCAL_STORAGE)
@ResourceLock(ItLanes.ARQUILLIAN)
class AdminConsoleIT implements MerchantPagesTests {

    private static final Pattern PRODUCT = Pattern.compile("gid://shopify/Product/\\d+");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shipped();
    }

    @Test
    void withoutCredentialsBrowsersGetTheLoginFormAndScriptsA401() {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/admin", Browser.HTML);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/admin/login");
        assertThat(browser.get("/admin/login", Browser.HTML).body()).contains("<form method=\"post\" action=\"/admin/login\"");

        for (String path : List.of("/admin/api/connections", "/admin/api/summary", "/admin/api/metrics")) {
            HttpResponse<String> api = browser.get(path);
            assertThat(api.statusCode()).as(path).isEqualTo(401);
            assertThat(api.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=");
            assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        HttpResponse<String> post = browser.send(HttpRequest.newBuilder(Browser.resolve("/admin/api/poll"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIs401AndLeavesNoAdminSession() {
        forgetFailedLogins();
        Browser browser = new Browser();
        String csrf = AdminClient.csrf(browser.get("/admin/login", Browser.HTML).body());

        HttpResponse<String> wrong = browser.postForm("/admin/login", Map.of("csrf", csrf, "username", AdminClient.USER, "password", "guess"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong username or password");
        assertThat(browser.get("/admin", Browser.HTML).statusCode()).as("still not logged in").isEqualTo(303);
        assertThat(browser.send(HttpRequest.newBuilder(Browser.resolve("/admin/api/summary"))
                .header("Authorization", AdminClient.basic(AdminClient.USER, "guess")).GET()).statusCode()).isEqualTo(401);
        assertThat(browser.send(HttpRequest.newBuilder(Browser.resolve("/admin/api/summary"))
                .header("Authorization", AdminClient.basic("someone", AdminClient.PASSWORD)).GET()).statusCode()).isEqualTo(401);
        assertThat(AdminClient.get("/admin/api/summary").statusCode()).as("the right password still works").isEqualTo(200);
    }

    @Test
    void aLoginWithoutTheFormsTokenIsRefused() {
        Browser browser = new Browser();
        browser.get("/admin/login", Browser.HTML);
        HttpResponse<String> forged = browser.postForm("/admin/login", Map.of("username", AdminClient.USER, "password", AdminClient.PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin", Browser.HTML).statusCode()).isEqualTo(303);
    }

    @Test
    void loggingInChangesTheSessionIdShowsTheStoreAndLoggingOutEndsIt() {
        JsonObject answer = connectStore(new Browser(), "console-outfitters");
        Browser browser = new Browser();
        browser.get("/admin/login", Browser.HTML);
        String before = browser.sessionId().orElseThrow();

        String csrf = AdminClient.login(browser);

        assertThat(browser.sessionId().orElseThrow()).as("a new session id at login").isNotEqualTo(before);
        String page = browser.get("/admin", Browser.HTML).body();
        assertThat(page).contains("console-outfitters.myshopify.com", answer.getString("user_uuid"), "Sync now");
        JsonObject store = AdminClient.connection("console-outfitters.myshopify.com");
        assertThat(store.getString("status")).isEqualTo("healthy");
        assertThat(store.getJsonObject("snapshot").getJsonObject("counts").getInt("products")).isPositive();
        assertThat(store.getJsonObject("webhook_subscriptions").getJsonArray("present"))
                .isEqualTo(store.getJsonObject("webhook_subscriptions").getJsonArray("wanted"));
        assertThat(store.getString("last_success_at")).isNotBlank();

        HttpResponse<String> out = browser.postForm("/admin/logout", Map.of("csrf", csrf));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin", Browser.HTML).statusCode()).as("logged out").isEqualTo(303);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
        connectStore(new Browser(), "csrf-camping");
        String id = AdminClient.connection("csrf-camping.myshopify.com").getString("id");
        Browser browser = new Browser();
        AdminClient.login(browser);
        long requests = syncRequests("csrf-camping.myshopify.com");

        for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("csrf", "forged-token"))) {
            assertThat(browser.postForm("/admin/connections/" + id + "/sync", form).statusCode()).isEqualTo(403);
            assertThat(browser.postForm("/admin/connections/" + id + "/disconnect", form).statusCode()).isEqualTo(403);
            assertThat(browser.postForm("/admin/poll", form).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> sessionApi = browser.send(HttpRequest.newBuilder(Browser.resolve("/admin/api/connections/" + id + "/sync"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(sessionApi.statusCode()).as("a session API call needs X-CSRF-Token").isEqualTo(403);

        assertThat(syncRequests("csrf-camping.myshopify.com")).as("no sync requested").isEqualTo(requests);
        assertThat(Database.row("select STATUS from SHOPIFY_CONNECTION where SHOP = ?", "csrf-camping.myshopify.com"))
                .containsEntry("STATUS", "ACTIVE");
    }

    @Test
    void basicCallsThatChangeStateMustSendJson() {
        connectStore(new Browser(), "json-journeys");
        String id = AdminClient.connection("json-journeys.myshopify.com").getString("id");
        long requests = syncRequests("json-journeys.myshopify.com");
        String path = "/admin/api/connections/" + id + "/sync";

        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
            HttpResponse<String> answer = new Browser().send(HttpRequest.newBuilder(Browser.resolve(path))
                    .header("Authorization", AdminClient.basic(AdminClient.USER, AdminClient.PASSWORD)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("a=b")));
            assertThat(answer.statusCode()).as(type).isEqualTo(415);
        }
        HttpResponse<String> bare = new Browser().send(HttpRequest.newBuilder(Browser.resolve(path))
                .header("Authorization", AdminClient.basic(AdminClient.USER, AdminClient.PASSWORD)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(bare.statusCode()).as("no Content-Type at all").isEqualTo(415);
        assertThat(syncRequests("json-journeys.myshopify.com")).isEqualTo(requests);
    }

    @Test
    void syncNowAndPollNowQueueWorkThatRuns() {
        connectStore(new Browser(), "sync-summit");
        String shop = "sync-summit.myshopify.com";
        String id = AdminClient.connection(shop).getString("id");
        int adminCalls = SandboxAdmin.stats(shop).getInt("requests");
        long requests = syncRequests(shop);

        HttpResponse<String> sync = AdminClient.call("POST", "/admin/api/connections/" + id + "/sync");

        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(202);
        String request = AdminClient.json(sync).getString("request");
        assertThat(syncRequests(shop)).isEqualTo(requests + 1);
        await(() -> "DONE".equals(Database.row("select STATE from SYNC_REQUEST where ID = ?", request).get("STATE")),
                Duration.ofSeconds(60), "the sync requested from the console ran");
        assertThat(SandboxAdmin.stats(shop).getInt("requests")).as("the store was read again").isGreaterThan(adminCalls);

        HttpResponse<String> poll = AdminClient.call("POST", "/admin/api/poll");
        assertThat(poll.statusCode()).as(poll.body()).isEqualTo(202);
        assertThat(AdminClient.json(poll).getInt("enqueued")).isPositive();
        await(() -> Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and PAYLOAD = 'poll' and STATE = 'DONE'", shop) == 1,
                Duration.ofSeconds(60), "the store polled once by poll now");

        assertThat(AdminClient.call("POST", "/admin/api/connections/not-a-uuid/sync").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = AdminClient.call("POST", "/admin/api/connections/00000000-0000-0000-0000-000000000000/sync");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void reRegisteringWebhooksBringsBackWhatThePlatformsDropped() {
        Browser browser = new Browser();
        connectStore(browser, "rehooked-rafts");
        String shop = "rehooked-rafts.myshopify.com";
        List<String> pages = connectPages(browser);
        ShopifyWebhooks.dropSubscriptions(shop, null);
        assertThat(ShopifyWebhooks.subscriptions(shop)).isEmpty();

        HttpResponse<String> store = AdminClient.call("POST", "/admin/api/connections/" + AdminClient.connection(shop).getString("id") + "/webhooks");

        assertThat(store.statusCode()).as(store.body()).isEqualTo(200);
        assertThat(AdminClient.json(store).getBoolean("completed")).isTrue();
        assertThat(ShopifyWebhooks.subscriptions(shop)).hasSize(AdminClient.connection(shop)
                .getJsonObject("webhook_subscriptions").getJsonArray("wanted").size());

        String page = pages.get(0);
        SandboxFacebook.removeAppFromPage(page);
        long subscribes = SandboxFacebook.requests("POST /graph/" + page + "/subscribed_apps");
        HttpResponse<String> pageAnswer = AdminClient.call("POST", "/admin/api/connections/" + AdminClient.connection(page).getString("id") + "/webhooks");
        assertThat(pageAnswer.statusCode()).as(pageAnswer.body()).isEqualTo(200);
        assertThat(SandboxFacebook.requests("POST /graph/" + page + "/subscribed_apps")).isEqualTo(subscribes + 1);
    }

    @Test
    void disconnectDeletesTheTokensRemovesTheSubscriptionsAndKeepsTheSnapshot() throws Exception {
        Browser browser = new Browser();
        JsonObject answer = connectStore(browser, "parting-paddles");
        String shop = "parting-paddles.myshopify.com";
        String page = connectPages(browser).get(0);
        Path snapshot = Path.of(ItSettings.get("DATA_DIR"), "users", answer.getString("user_uuid"), "shopify", "shopify_data.json");
        assertThat(snapshot).exists();

        HttpResponse<String> store = AdminClient.call("POST", "/admin/api/connections/" + AdminClient.connection(shop).getString("id") + "/disconnect");
        HttpResponse<String> pageAnswer = AdminClient.call("POST", "/admin/api/connections/" + AdminClient.connection(page).getString("id") + "/disconnect");

        assertThat(store.statusCode()).as(store.body()).isEqualTo(200);
        assertThat(pageAnswer.statusCode()).as(pageAnswer.body()).isEqualTo(200);
        assertThat(Database.row("select STATUS, ACCESS_TOKEN_SEALED, REFRESH_TOKEN_SEALED from SHOPIFY_CONNECTION where SHOP = ?", shop))
                .containsEntry("STATUS", "DISCONNECTED").containsEntry("ACCESS_TOKEN_SEALED", null).containsEntry("REFRESH_TOKEN_SEALED", null);
        assertThat(Database.row("select STATUS, PAGE_TOKEN_SEALED from FACEBOOK_PAGE_CONNECTION where PAGE_ID = ?", page))
                .containsEntry("STATUS", "DISCONNECTED").containsEntry("PAGE_TOKEN_SEALED", null);
        assertThat(ShopifyWebhooks.subscriptions(shop)).as("Shopify subscriptions removed").isEmpty();
        assertThat(SandboxFacebook.requests("DELETE /graph/" + page + "/subscribed_apps")).as("the Page unsubscribed").isPositive();
        assertThat(snapshot).as("the snapshot is kept").exists();
        assertThat(AdminClient.connection(shop).getString("status")).isEqualTo("disconnected");

        HttpResponse<String> again = AdminClient.call("POST", "/admin/api/connections/" + AdminClient.connection(shop).getString("id") + "/sync");
        assertThat(again.statusCode()).as("a disconnected store is not synced").isEqualTo(409);
    }

    @Test
    void deletingAMerchantDeletesItsConnectionsAndObjects() throws Exception {
        Browser browser = new Browser();
        JsonObject answer = connectStore(browser, "farewell-fishing");
        String merchant = answer.getString("user_uuid");
        List<String> pages = connectPages(browser);
        Path objects = Path.of(ItSettings.get("DATA_DIR"), "users", merchant);
        assertThat(jsonFiles(objects)).isNotEmpty();

        HttpResponse<String> deleted = AdminClient.call("DELETE", "/admin/api/merchants/" + merchant);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);
        assertThat(AdminClient.json(deleted).getJsonArray("deletions")).hasSize(1 + pages.size());
        await(() -> Database.count("select count(*) from SHOPIFY_CONNECTION where MERCHANT_ID = ?", merchant) == 0
                        && Database.count("select count(*) from FACEBOOK_PAGE_CONNECTION where MERCHANT_ID = ?", merchant) == 0
                        && jsonFiles(objects).isEmpty(),
                Duration.ofSeconds(60), "the merchant's connections and objects deleted");
        assertThat(ShopifyWebhooks.subscriptions("farewell-fishing.myshopify.com")).isEmpty();
        assertThat(AdminClient.call("DELETE", "/admin/api/merchants/" + merchant).statusCode()).as("nothing left").isEqualTo(404);
        assertThat(AdminClient.call("DELETE", "/admin/api/merchants/NOT-A-UUID").statusCode()).isEqualTo(400);
    }

    @Test
    void noAnswerOfTheConsoleCarriesATokenOrASecret() {
        Browser browser = new Browser();
        connectStore(browser, "secretive-sails");
        connectPages(browser);
        Browser admin = new Browser();
        AdminClient.login(admin);
        List<String> answers = new ArrayList<>();
        answers.add(AdminClient.get("/admin/api/connections").body());
        answers.add(AdminClient.get("/admin/api/summary").body());
        answers.add(AdminClient.get("/admin/api/metrics").body());
        answers.add(admin.get("/admin", Browser.HTML).body());

        List<String> secrets = new ArrayList<>(SandboxShopify.issuedTokens("secretive-sails.myshopify.com"));
        secrets.addAll(SandboxFacebook.issuedTokens());
        for (String name : List.of("SHOPIFY_API_SECRET", "FACEBOOK_APP_SECRET", "TOKEN_ENCRYPTION_KEY", "STATE_TOKEN_SECRET", "ADMIN_PASSWORD_HASH")) {
            secrets.add(ItSettings.get(name));
        }
        secrets.addAll(Database.everyStoredValue().stream().filter(v -> v.startsWith("v2:")).toList());
        assertThat(secrets).hasSizeGreaterThan(5);
        for (String answer : answers) {
            for (String secret : secrets) {
                assertThat(answer).as("an answer of the console").doesNotContain(secret);
            }
            assertThat(answer).doesNotContainIgnoringCase("access_token").doesNotContainIgnoringCase("hmac");
        }
    }

    @Test
    void metricsMoveWithTheWorkTheyCount() throws Exception {
        JsonObject answer = connectStore(new Browser(), "metered-mountains");
        String shop = "metered-mountains.myshopify.com";
        String product = firstProduct(answer);
        Map<String, Double> before = metrics();

        ShopifyWebhooks.editProduct(shop, product, "Metered Tent", null, true);
        await(() -> metrics().getOrDefault("salesbot_syncs_seconds_count{kind=\"shopify_changes\",result=\"written\"}", 0d)
                        > before.getOrDefault("salesbot_syncs_seconds_count{kind=\"shopify_changes\",result=\"written\"}", 0d),
                Duration.ofSeconds(60), "the webhook's sync counted");
        ShopifyWebhooks.Delivery forged = ShopifyWebhooks.Delivery.signed("products/update", shop,
                ShopifyWebhooks.productUpdate(product, "Forged")).withHmac("bm90IGEgc2lnbmF0dXJl");
        assertThat(ShopifyWebhooks.send(forged).statusCode()).isEqualTo(401);
        ShopifyWebhooks.Delivery once = ShopifyWebhooks.Delivery.signed("products/update", shop, ShopifyWebhooks.productUpdate(product, "Twice"));
        ShopifyWebhooks.send(once);
        ShopifyWebhooks.send(once);
        Map<String, Double> after = metrics();

        assertThat(delta(before, after, "salesbot_webhooks_received_total{platform=\"shopify\",receipt=\"recorded\"}")).isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "salesbot_webhooks_received_total{platform=\"shopify\",receipt=\"duplicate\"}")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "salesbot_webhooks_rejected_total{platform=\"shopify\"}")).isEqualTo(1);
        assertThat(delta(before, after, "salesbot_storage_requests_total{method=\"PUT\"}")).isPositive();
        assertThat(delta(before, after, "salesbot_shopify_requests_total")).isPositive();
        assertThat(delta(before, after, "salesbot_shopify_cost_points_total")).isPositive();
        assertThat(after).containsKeys("salesbot_sync_queue_pending_requests", "salesbot_sync_queue_oldest_due_seconds",
                "salesbot_facebook_usage_percent", "salesbot_shopify_throttled_total");
    }

    @Test
    void theMetersArePublishedOverJmxToo() throws Exception {
        assertThat(Jmx.names("dev.salesbot.sync.metrics:*")).anyMatch(n -> n.contains("salesbotSyncs") || n.contains("salesbot"))
                .anyMatch(n -> n.toLowerCase().contains("webhooks"));
    }

    @Test
    void healthReportsEachCheck() {
        HttpResponse<String> ready = new Browser().get("/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonObject json = Json.createReader(new StringReader(ready.body())).readObject();
        assertThat(json.getString("status")).isEqualTo("UP");
        assertThat(json.getJsonArray("checks").getValuesAs(JsonObject.class).stream().map(c -> c.getString("name")))
                .containsExactlyInAnyOrder("startup", "tokens", "database", "storage", "sync-worker", "sync-queue");
        HttpResponse<String> live = new Browser().get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("sync-worker");
    }

    @Test
    void repeatedFailedLoginsAreSlowedDown() throws Exception {
        forgetFailedLogins();
        assertThat(AdminClient.get("/admin/api/summary").statusCode()).as("a success clears the address").isEqualTo(200);
        HttpRequest.Builder wrong = HttpRequest.newBuilder(Browser.resolve("/admin/api/summary"))
                .header("Authorization", AdminClient.basic(AdminClient.USER, "wrong-guess")).GET();
        for (int i = 0; i < 6; i++) {
            assertThat(new Browser().send(wrong).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> slowed = AdminClient.get("/admin/api/summary");

        assertThat(slowed.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(slowed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        Thread.sleep(Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);
        assertThat(AdminClient.get("/admin/api/summary").statusCode()).as("after the wait").isEqualTo(200);
    }

    /**
     * A script or a scrape calling in parallel with the right password from one address: every
     * call is answered, none waits for the others' counted attempts (before, the sixth was 429).
     */
    @Test
    void twelveRightBasicCallsAtOnceFromOneAddressAreAllAnswered() throws Exception {
        forgetFailedLogins();
        java.util.concurrent.ExecutorService calls = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(calls.submit(() -> basicFrom("192.0.2.77", AdminClient.PASSWORD)));
            }
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> done = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            }
        } finally {
            calls.shutdownNow();
        }
        assertThat(Database.count("select count(*) from LOGIN_FAILURE where SUBJECT = 'client 192.0.2.77'"))
                .as("the address's count settled by the success").isZero();
    }

    /** 127.0.0.2 is no trusted proxy: what it writes in X-Forwarded-For is ignored, and its failures are its own. */
    @Test
    void aForgedForwardedForFromAnUntrustedPeerIsIgnored() {
        forgetFailedLogins();
        for (int i = 1; i <= 6; i++) {
            OtherPeer.Answer wrong = OtherPeer.get("127.0.0.2", "/admin/api/summary",
                    Map.of("Authorization", AdminClient.basic(AdminClient.USER, "wrong-guess"), "X-Forwarded-For", "198.51.100." + i));
            assertThat(wrong.status()).isEqualTo(401);
        }

        OtherPeer.Answer right = OtherPeer.get("127.0.0.2", "/admin/api/summary",
                Map.of("Authorization", AdminClient.basic(AdminClient.USER, AdminClient.PASSWORD), "X-Forwarded-For", "198.51.100.99"));

        assertThat(right.status()).as("six failures of one peer, whatever it claimed").isEqualTo(429);
        assertThat(right.header("Retry-After")).isPresent();
        assertThat(Database.count("select FAILURES from LOGIN_FAILURE where SUBJECT = 'client 127.0.0.2'")).isEqualTo(6);
        assertThat(Database.count("select count(*) from LOGIN_FAILURE where SUBJECT like 'client 198.51.100.%'")).isZero();
        assertThat(AdminClient.get("/admin/api/summary").statusCode()).as("the proxy's own address is another client").isEqualTo(200);
    }

    /**
     * Guessers behind the trusted proxy (127.0.0.1) put the account under attack: each address that
     * failed is refused at once (429, before any password check), a clean address still gets in, by
     * Basic and by the form.
     */
    @Test
    void guessesFromOtherClientsNeverLockOutTheRightPasswordFromACleanOne() {
        forgetFailedLogins();
        // 4 clients x 5 failures: the account's 20, under attack
        for (int client = 1; client <= 4; client++) {
            for (int guess = 0; guess < 5; guess++) {
                assertThat(basicFrom("203.0.113." + client, "wrong-guess-" + guess).statusCode()).isEqualTo(401);
            }
        }

        // That a refused guess reaches no password hash is LoginThrottleTest's (counted before the check).
        for (int client = 1; client <= 4; client++) {
            HttpResponse<String> refused = basicFrom("203.0.113." + client, AdminClient.PASSWORD);
            assertThat(refused.statusCode()).as("a client that failed, while the account is under attack").isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(3000);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }

        assertThat(basicFrom("192.0.2.50", AdminClient.PASSWORD).statusCode()).as("a clean client's right password").isEqualTo(200);
        assertThat(AdminClient.get("/admin/api/summary").statusCode()).as("the scrape, from the proxy's own address").isEqualTo(200);
        Browser admin = new Browser();
        AdminClient.login(admin);
        assertThat(admin.get("/admin", Browser.HTML).statusCode()).as("the form login of a clean client").isEqualTo(200);

        Browser guesser = new Browser();
        String csrf = AdminClient.csrf(guesser.get("/admin/login", Browser.HTML).body());
        HttpResponse<String> form = guesser.send(HttpRequest.newBuilder(Browser.resolve("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", Browser.HTML)
                .header("X-Forwarded-For", "203.0.113.1")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + Browser.enc(csrf) + "&username=" + AdminClient.USER
                        + "&password=" + Browser.enc(AdminClient.PASSWORD))));
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(form.body()).contains("Too many failed logins", "<form method=\"post\" action=\"/admin/login\"");
    }

    @Test
    void aBrowserLogsInSeesTheStoreAndSyncsItNow() throws Exception {
        connectStore(new Browser(), "chromium-climbing");
        String id = AdminClient.connection("chromium-climbing.myshopify.com").getString("id");
        try (Chromium chrome = Chromium.start()) {
            chrome.open("/admin");
            chrome.screenshot("admin-1-login");
            chrome.type("username", AdminClient.USER);
            chrome.type("password", AdminClient.PASSWORD);
            chrome.click("button[type=submit]");
            chrome.waitFor("#connection-" + id);
            chrome.screenshot("admin-2-dashboard");
            String lastSuccess = chrome.attribute("#connection-" + id + " .last-success time", "datetime");
            assertThat(chrome.text("#connection-" + id + " .health")).startsWith("healthy");

            chrome.click("#sync-" + id);
            chrome.waitFor("#flash");
            assertThat(chrome.text("#flash")).contains("Full sync of chromium-climbing.myshopify.com queued");
            await(() -> {
                chrome.open("/admin");
                return !lastSuccess.equals(chrome.attribute("#connection-" + id + " .last-success time", "datetime"));
            }, Duration.ofSeconds(60), "the last sync shown changed");
            chrome.screenshot("admin-3-after-sync-now");
            assertThat(chrome.consoleErrors()).isEmpty();
        }
    }

    // --- helpers

    /** A test that counts failed logins starts from none (they are kept an hour, for every server). */
    private static void forgetFailedLogins() {
        Database.execute("delete from LOGIN_FAILURE");
    }

    /** An HTTP Basic call with {@code password} from {@code client}, as the trusted proxy (127.0.0.1) forwards it. */
    private static HttpResponse<String> basicFrom(String client, String password) {
        return new Browser().send(HttpRequest.newBuilder(Browser.resolve("/admin/api/summary"))
                .header("Authorization", AdminClient.basic(AdminClient.USER, password)).header("Accept", "application/json")
                .header("X-Forwarded-For", client).GET());
    }

    private static JsonObject connectStore(Browser browser, String shop) {
        URI callback = SandboxShopify.installUntilCallback(browser, shop);
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return AdminClient.json(answer);
    }

    private static List<String> connectPages(Browser browser) {
        URI callback = SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.allowAll());
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return AdminClient.json(answer).getJsonObject("pages").getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("id")).toList();
    }

    private static long syncRequests(String target) {
        return Database.count("select count(*) from SYNC_REQUEST where TARGET = ?", target);
    }

    private static String firstProduct(JsonObject answer) throws Exception {
        Path snapshot = Path.of(ItSettings.get("DATA_DIR"), "users", answer.getString("user_uuid"), "shopify", "shopify_data.json");
        Matcher m = PRODUCT.matcher(Files.readString(snapshot));
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The scrape's samples, by name and labels. */
    private static Map<String, Double> metrics() {
        HttpResponse<String> scrape = AdminClient.get("/admin/api/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        Map<String, Double> samples = new java.util.HashMap<>();
        for (String line : scrape.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0d);
    }

}

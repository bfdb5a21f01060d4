package dev.salesbot.sync.facebook;

import dev.salesbot.sandbox.facebook.SamplePages;
import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.security.control.Hmac;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.Deployments;
import dev.salesbot.sync.testing.ItExecution;
import dev.salesbot.sync.testing.ItLanes;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.SandboxFacebook;
import dev.salesbot.sync.testing.SandboxShopify;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.salesbot.sync.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 end to end on local storage: Meta's verification request, the app subscription at
 * connect, Page changes from the sandbox's real notifications, the bad-input table, and the
 * deauthorize and data-deletion callbacks, which delete a Page's copies under every merchant that
 * held it. {@code appsecret_proof} is required by the sandbox throughout
 * ({@code SANDBOX_FACEBOOK_REQUIRE_APPSECRET_PROOF=true}), so a call without it fails.
 * The connect flow's tests ({@link FacebookConnectTests}) run in this server too.
 */
@EnabledIfSystemProperty(named = "it.http.port", matches = "\\d+")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ItExecution(ItExecution.LOCAL_STORAGE)
@ResourceLock(ItLanes.ARQUILLIAN)
public class FacebookWebhooksIT implements FacebookConnectTests {

    public static final List<String> PAGES = SamplePages.seed(3, false).stream().map(p -> p.id()).toList();
    static final Duration SETTLED = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shipped();
    }

    @Test
    void answersMetasVerificationRequestOnlyWithTheVerifyToken() {
        String token = ItSettings.get("FACEBOOK_VERIFY_TOKEN");

        HttpResponse<String> ok = new Browser().get("/facebook/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
                + Browser.enc(token), "*/*");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(ok.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");

        for (String query : List.of("hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong-token",
                "hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=" + Browser.enc(token),
                "hub.mode=subscribe&hub.challenge=1", "hub.mode=subscribe&hub.verify_token=" + Browser.enc(token),
                "hub.mode=subscribe&hub.challenge=%3Cscript%3E&hub.verify_token=" + Browser.enc(token), "")) {
            HttpResponse<String> refused = new Browser().get("/facebook/webhook?" + query, Browser.JSON);
            assertThat(refused.statusCode()).as(query).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(token);
        }
    }

    @Test
    void subscribesTheAppOnceAndEveryPageAndTheWebhookTestSucceeds() throws IOException {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        connectStore(browser, "fb-hooked");
        long changesBefore = changeRequests();

        JsonObject answer = connectPages(browser);

        assertThat(answer.getJsonObject("webhook_test")).isEqualTo(Json.createObjectBuilder().add("status", "success").build());
        JsonObject app = SandboxFacebook.stats().getJsonObject("appSubscriptions").getJsonObject("page");
        assertThat(app.getString("callback_url")).isEqualTo(ItSettings.get("FACEBOOK_WEBHOOK_ADDRESS"));
        assertThat(app.getJsonArray("fields").getValuesAs(jakarta.json.JsonString.class)).extracting(jakarta.json.JsonString::getString)
                .containsExactlyElementsOf(Arrays.asList(FacebookApp.DEFAULT_WEBHOOK_FIELDS.split(",")));
        assertThat(SandboxFacebook.stats().getJsonObject("subscriptions").keySet()).containsExactlyInAnyOrderElementsOf(PAGES);
        assertThat(changeRequests()).as("the test delivery starts no sync").isEqualTo(changesBefore);

        connectPages(browser);
        assertThat(SandboxFacebook.requests("POST /graph/" + ItSettings.get("FACEBOOK_APP_ID") + "/subscriptions"))
                .as("a matching app subscription is left alone").isEqualTo(1);
        for (String page : PAGES) {
            assertThat(SandboxFacebook.requests("POST /graph/" + page + "/subscribed_apps")).as("page " + page).isEqualTo(1);
        }
        assertThat(log()).contains("App webhook subscription for pages already matches",
                "Webhook subscription for '" + FacebookApp.DEFAULT_WEBHOOK_FIELDS + "' already exists for page " + PAGES.get(0));
        assertThat(SandboxFacebook.stats().getInt("withoutAppsecretProof")).as("every user and Page call carried appsecret_proof").isZero();
        assertThat(SandboxFacebook.stats().getInt("withAppsecretProof")).isPositive();

        HttpResponse<String> page = browser.get(SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.allowAll()).toString(), Browser.HTML);
        assertThat(page.body()).contains("id=\"webhook-test\" class=\"ok\"", "<code>webhook_test</code>: <strong>success</strong>");
    }

    @Test
    void aRenameOnTheSandboxPageReachesPageDataWithinSeconds() throws Exception {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-renamed");
        connectPages(browser);
        Path data = pageData(merchant, PAGES.get(0));
        // Other tests in this server rename the same sandbox Page; count this rename's sync only.
        String doneChanges = "select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'FACEBOOK_PAGE_CHANGES' and STATE = 'DONE'";
        long doneBefore = Database.count(doneChanges, PAGES.get(0));

        Browser admin = new Browser();
        HttpResponse<String> list = admin.get("sandbox/facebook/www/pages", Browser.HTML);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("action=\"pages/" + PAGES.get(0) + "\"");
        HttpResponse<String> saved = admin.postForm(Browser.resolve("sandbox/facebook/www/pages").resolve("pages/" + PAGES.get(0)).toString(),
                Map.of("name", "Fast Online Store PH — Renamed", "phone", ""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        await(() -> read(data).contains("Fast Online Store PH — Renamed"), Duration.ofSeconds(15), "page_data.json shows the rename");
        await(() -> log().contains("Updated data in the local store for page " + PAGES.get(0)), Duration.ofSeconds(5), "the seed's line");
        assertThat(log()).contains("Received webhook event for page " + PAGES.get(0));
        await(() -> Database.count(doneChanges, PAGES.get(0)) == doneBefore + 1, Duration.ofSeconds(5), "one Page-changes sync done");
        assertThat(Database.count(doneChanges, PAGES.get(0))).isEqualTo(doneBefore + 1);
    }

    /** Issue 10's bad-input table: each defect, its answer, and nothing recorded, fetched or written. */
    @Test
    void answersEveryBadDeliveryAsMetaExpectsAndDoesNothingForIt() throws Exception {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        connectStore(browser, "fb-guarded");
        connectPages(browser);
        String secret = ItSettings.get("FACEBOOK_APP_SECRET");
        String change = change(PAGES.get(0), 1_796_000_001L, "name");
        long graphBefore = SandboxFacebook.stats().getJsonNumber("requests").longValue();
        long syncsBefore = Database.count("select count(*) from SYNC_REQUEST");
        long deliveriesBefore = Database.count("select count(*) from WEBHOOK_DELIVERY where PLATFORM = 'facebook'");

        record Case(String name, String body, String signature, int status, String expect) {
        }
        List<Case> table = new ArrayList<>();
        table.add(new Case("missing signature", change, null, 401, "invalid-signature"));
        table.add(new Case("forged signature", change, "sha256=" + "ab".repeat(32), 401, "invalid-signature"));
        table.add(new Case("another app's secret", change, sign("another-apps-secret", change), 401, "invalid-signature"));
        table.add(new Case("sha1 only", change, "sha1=" + "0".repeat(40), 401, "invalid-signature"));
        table.add(new Case("signature of another body", change, sign(secret, change + " "), 401, "invalid-signature"));
        table.add(new Case("invalid JSON, valid signature", "{\"object\":\"page\",", sign(secret, "{\"object\":\"page\","), 400, "invalid-json"));
        String nonDigit = change("12ab/../x", 1_796_000_002L, "name");
        table.add(new Case("non-digit Page id", nonDigit, sign(secret, nonDigit), 400, "invalid-page-id"));
        String big = padded(change, 1024 * 1024 + 1);
        table.add(new Case("1 MiB + 1 body", big, sign(secret, big), 413, "payload-too-large"));
        String unknown = change("999000111222333", 1_796_000_003L, "name");
        table.add(new Case("unknown Page", unknown, sign(secret, unknown), 200, "dropped"));
        String messaging = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGES.get(1) + "\",\"time\":1796000004,"
                + "\"messaging\":[{\"sender\":{\"id\":\"1\"},\"message\":{\"text\":\"hi\"}}]}]}";
        table.add(new Case("a Messenger event", messaging, sign(secret, messaging), 200, "ignored"));

        for (Case c : table) {
            HttpResponse<String> response = post(c.body(), c.signature());
            assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isEqualTo(c.status());
            JsonObject json = json(response.body());
            if (c.status() == 200) {
                assertThat(json.getString("status")).as(c.name()).isEqualTo(c.expect());
            } else {
                assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
                assertThat(json.getString("type")).as(c.name()).endsWith("/problems/" + c.expect());
            }
        }

        Thread.sleep(Duration.ofSeconds(4).toMillis()); // past the quiet window: wrongly recorded work would have run
        assertThat(Database.count("select count(*) from SYNC_REQUEST")).as("no sync recorded").isEqualTo(syncsBefore);
        assertThat(SandboxFacebook.stats().getJsonNumber("requests").longValue()).as("nothing fetched").isEqualTo(graphBefore);
        assertThat(Database.count("select count(*) from WEBHOOK_DELIVERY where PLATFORM = 'facebook'"))
                .as("only the unknown Page's entry is remembered").isEqualTo(deliveriesBefore + 1);
        assertThat(log()).contains("A signed Facebook webhook is not a JSON object; refused, nothing recorded",
                "Dropped a webhook event for page 999000111222333: the Page is not connected");
    }

    @Test
    void theSameEntryDeliveredTwiceIsOneSync() {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        connectStore(browser, "fb-twice");
        connectPages(browser);
        String body = change(PAGES.get(2), 1_796_000_100L, "phone");
        String signature = sign(ItSettings.get("FACEBOOK_APP_SECRET"), body);

        assertThat(json(post(body, signature).body()).getString("status")).isEqualTo("recorded");
        assertThat(json(post(body, signature).body()).getString("status")).isEqualTo("duplicate");
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'FACEBOOK_PAGE_CHANGES'", PAGES.get(2)))
                .isEqualTo(1);
    }

    @Test
    void deauthorizeDeletesThePageTokensAndABadSignedRequestChangesNothing() {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        connectStore(browser, "fb-leaving");
        connectPages(browser);

        for (Map.Entry<String, Integer> bad : badSignedRequests().entrySet()) {
            HttpResponse<String> refused = postForm("/facebook/deauthorize", bad.getKey());
            assertThat(refused.statusCode()).as(bad.getKey() + ": " + refused.body()).isEqualTo(bad.getValue());
        }
        assertThat(Database.count("select count(*) from FACEBOOK_PAGE_CONNECTION where PAGE_TOKEN_SEALED is null")).isZero();

        JsonObject answer = SandboxFacebook.deauthorize();

        assertThat(answer.getInt("status")).as(answer.toString()).isEqualTo(200);
        assertThat(json(answer.getString("body")).getInt("pages")).isEqualTo(3);
        for (String page : PAGES) {
            Map<String, Object> row = Database.row("select STATUS, STATUS_REASON, PAGE_TOKEN_SEALED from FACEBOOK_PAGE_CONNECTION where PAGE_ID = ?", page);
            assertThat(row.get("PAGE_TOKEN_SEALED")).as("token of " + page + " deleted").isNull();
            assertThat(row).containsEntry("STATUS", "NEEDS_RECONNECT");
            assertThat((String) row.get("STATUS_REASON")).contains("removed the app");
        }
        assertThat(log()).contains("removed the app: the tokens of 3 Page(s) are deleted");
    }

    @Test
    void dataDeletionDeletesExactlyThatUsersPagesAndObjects() throws Exception {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-forget-me");
        connectPages(browser);
        for (String page : PAGES) {
            assertThat(pageData(merchant, page)).exists();
        }
        // Another Facebook user's Page, connected to another merchant: it must survive.
        UUID other = UUID.randomUUID();
        Database.execute("insert into FACEBOOK_PAGE_CONNECTION (ID, MERCHANT_ID, STATUS, CONNECTED_AT, UPDATED_AT, LAST_CONNECTED_AT, VERSION,"
                + " PAGE_ID, PAGE_NAME, PAGE_TOKEN_SEALED, FACEBOOK_USER_ID)"
                + " values (?, ?, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, '555000111', 'Other', 'x', '777')",
                UUID.randomUUID().toString(), other.toString());
        Path otherData = Files.createDirectories(pageData(other, "555000111").getParent()).resolve("page_data.json");
        Files.writeString(otherData, "{\"data\":[{\"id\":\"555000111\"}]}");
        long requestsBefore = Database.count("select count(*) from FACEBOOK_DATA_DELETION");
        for (Map.Entry<String, Integer> bad : badSignedRequests().entrySet()) {
            assertThat(postForm("/facebook/data-deletion", bad.getKey()).statusCode()).as(bad.getKey()).isEqualTo(bad.getValue());
        }
        assertThat(Database.count("select count(*) from FACEBOOK_DATA_DELETION")).as("a bad request deletes nothing").isEqualTo(requestsBefore);

        JsonObject answer = SandboxFacebook.requestDataDeletion();

        assertThat(answer.getInt("status")).as(answer.toString()).isEqualTo(200);
        JsonObject callback = json(answer.getString("body"));
        String code = callback.getString("confirmation_code");
        assertThat(callback.getString("url")).isEqualTo(ItSettings.baseUri() + "facebook/data-deletion/" + code);
        await(() -> "done".equals(json(new Browser().get(callback.getString("url"), Browser.JSON).body()).getString("status")),
                SETTLED, "the deletion is done");
        JsonObject status = json(new Browser().get(callback.getString("url"), Browser.JSON).body());
        assertThat(status.getInt("pages")).isEqualTo(3);
        assertThat(status.getInt("pages_deleted")).isEqualTo(3);
        for (String page : PAGES) {
            assertThat(pageData(merchant, page)).as("object of " + page).doesNotExist();
            assertThat(Database.count("select count(*) from FACEBOOK_PAGE_CONNECTION where PAGE_ID = ?", page)).isZero();
        }
        assertThat(otherData).as("another user's object").exists();
        assertThat(Database.count("select count(*) from FACEBOOK_PAGE_CONNECTION where PAGE_ID = '555000111'")).isEqualTo(1);
        assertThat(new Browser().get(callback.getString("url"), Browser.HTML).body()).contains("Status: <strong>done</strong>");
        assertThat(new Browser().get("/facebook/data-deletion/not-a-code", Browser.JSON).statusCode()).isEqualTo(404);
        Database.execute("delete from FACEBOOK_PAGE_CONNECTION where PAGE_ID = '555000111'");
    }

    /**
     * Issue 23: a Page belongs to the merchant whose session connected it last, and each owner's
     * sync wrote its own copy; the Page's deletion removes the copies of both.
     */
    @Test
    void dataDeletionOfPagesReconnectedUnderAnotherMerchantLeavesNoCopyAnywhere() throws Exception {
        SandboxFacebook.reset();
        Browser firstSession = new Browser();
        UUID first = connectStore(firstSession, "fb-first-owner");
        connectPages(firstSession);
        Browser secondSession = new Browser();
        UUID second = connectStore(secondSession, "fb-second-owner");
        connectPages(secondSession);
        for (String page : PAGES) {
            assertThat(pageData(first, page)).as("the first owner's copy of " + page).exists();
            assertThat(pageData(second, page)).as("the second owner's copy of " + page).exists();
            assertThat(Database.row("select MERCHANT_ID from FACEBOOK_PAGE_CONNECTION where PAGE_ID = ?", page))
                    .containsEntry("MERCHANT_ID", second.toString());
            assertThat(Database.count("select count(*) from STORAGE_OBJECT where TARGET_KIND = 'FACEBOOK_PAGE' and TARGET = ?"
                    + " and OBJECT_KEY in (?, ?)", page, key(first, page), key(second, page))).as("both keys recorded").isEqualTo(2);
        }

        JsonObject answer = SandboxFacebook.requestDataDeletion();

        assertThat(answer.getInt("status")).as(answer.toString()).isEqualTo(200);
        String status = json(answer.getString("body")).getString("url");
        await(() -> "done".equals(json(new Browser().get(status, Browser.JSON).body()).getString("status")), SETTLED, "the deletion is done");
        assertThat(filesOf(PAGES)).as("every copy of the Pages, under any merchant").isEmpty();
        for (String page : PAGES) {
            assertThat(Database.count("select count(*) from STORAGE_OBJECT where TARGET = ?", page)).as("keys of " + page).isZero();
        }
        for (UUID merchant : List.of(first, second)) {
            assertThat(Path.of(ItSettings.get("DATA_DIR"), "users", merchant.toString(), "shopify", "shopify_data.json"))
                    .as("the stores' snapshots stay").exists();
        }
    }

    private static String key(UUID merchant, String pageId) {
        return "users/" + merchant + "/facebook_messenger/" + pageId + "/page_data.json";
    }

    /** Every file, anywhere under DATA_DIR, in the folder of one of {@code pageIds} (objects and hash files). */
    private static List<Path> filesOf(List<String> pageIds) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(ItSettings.get("DATA_DIR")))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent() != null && pageIds.contains(f.getParent().getFileName().toString())
                            && f.getParent().getParent() != null
                            && "facebook_messenger".equals(f.getParent().getParent().getFileName().toString()))
                    .toList();
        }
    }

    @Test
    void noTokenOrSecretInAnyAnswerLogLineObjectOrColumn() throws IOException {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        connectStore(browser, "fb-secretive");
        connectPages(browser);
        SandboxFacebook.editPage(PAGES.get(1), "phone", "+63 2 8123 4567");
        await(() -> Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'FACEBOOK_PAGE_CHANGES' and STATE = 'DONE'",
                PAGES.get(1)) == 1, SETTLED, "the change synced");

        List<String> secrets = new ArrayList<>(SandboxFacebook.issuedTokens());
        assertThat(secrets).as("user, Page and app tokens were issued").anyMatch(t -> t.contains("|"));
        secrets.add(ItSettings.get("FACEBOOK_APP_SECRET"));
        secrets.add(ItSettings.get("FACEBOOK_VERIFY_TOKEN"));
        String log = log();
        List<String> stored = Database.everyStoredValue();
        List<String> objects = storedObjects();
        for (String secret : secrets) {
            assertThat(browser.bodiesSeen()).noneMatch(b -> b.contains(secret));
            assertThat(log).doesNotContain(secret);
            assertThat(stored).noneMatch(v -> v.contains(secret));
            assertThat(objects).noneMatch(o -> o.contains(secret));
        }
    }

    // --- helpers

    private static Map<String, Integer> badSignedRequests() {
        String secret = ItSettings.get("FACEBOOK_APP_SECRET");
        String user = "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":1796000000,\"user_id\":\"10229384756120034\"}";
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("", 400);
        bad.put("not-a-signed-request", 400);
        bad.put(signedRequest("another-apps-secret", user), 401);
        bad.put(signedRequest(secret, user).split("\\.")[0] + "." + b64("{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1\"}"), 401);
        bad.put(signedRequest(secret, user.replace("HMAC-SHA256", "HMAC-SHA1")), 400);
        bad.put(signedRequest(secret, "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"1/../2\"}"), 400);
        return bad;
    }

    static String signedRequest(String secret, String payloadJson) {
        String payload = b64(payloadJson);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(secret, payload.getBytes(StandardCharsets.US_ASCII)))
                + "." + payload;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String change(String pageId, long time, String field) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":" + time
                + ",\"changes\":[{\"field\":\"" + field + "\",\"value\":\"x\"}]}]}";
    }

    static String sign(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(Hmac.sha256(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String padded(String json, int size) {
        String head = json.substring(0, json.length() - 1) + ",\"pad\":\"";
        char[] pad = new char[size - head.length() - 2];
        Arrays.fill(pad, 'x');
        return head + new String(pad) + "\"}";
    }

    static HttpResponse<String> post(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Browser.resolve("facebook/webhook"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return new Browser().send(request);
    }

    private static HttpResponse<String> postForm(String path, String signedRequest) {
        return new Browser().send(HttpRequest.newBuilder(Browser.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("signed_request=" + Browser.enc(signedRequest))));
    }

    public static UUID connectStore(Browser browser, String shop) {
        URI callback = SandboxShopify.installUntilCallback(browser, shop);
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return UUID.fromString(json(answer.body()).getString("user_uuid"));
    }

    public static JsonObject connectPages(Browser browser) {
        URI callback = SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.allowAll());
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body());
    }

    private static long changeRequests() {
        return Database.count("select count(*) from SYNC_REQUEST where KIND = 'FACEBOOK_PAGE_CHANGES'");
    }

    static Path pageData(UUID merchant, String pageId) {
        return Path.of(ItSettings.get("DATA_DIR"), "users", merchant.toString(), "facebook_messenger", pageId, "page_data.json");
    }

    private static List<String> storedObjects() throws IOException {
        List<String> contents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(ItSettings.get("DATA_DIR")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return contents;
    }

    static JsonObject json(String body) {
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String log() {
        return read(ItSettings.serverLog());
    }
}

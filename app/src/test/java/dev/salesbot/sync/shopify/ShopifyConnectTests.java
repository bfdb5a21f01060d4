package dev.salesbot.sync.shopify;

import dev.salesbot.sync.security.control.StateTokens;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.SandboxShopify;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flows 1–2 end to end on a real Payara Micro, through the sandbox Shopify, over loopback.
 * Run in {@link ShopifyWebhooksIT}'s server (each test uses its own shops): one server start less.
 */
public interface ShopifyConnectTests {

    @Test
    default void connectsTheSandboxStoreAndAnswersAMerchantUuid() {
        Browser browser = new Browser();
        URI callback = SandboxShopify.installUntilCallback(browser, "acme-outdoor");
        Map<String, String> params = SandboxShopify.query(callback);
        assertThat(params).containsKeys("code", "hmac", "host", "shop", "state", "timestamp");
        assertThat(params.get("shop")).isEqualTo("acme-outdoor.myshopify.com");
        String sessionBefore = browser.sessionId().orElseThrow();

        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonObject json = json(answer);
        UUID merchant = UUID.fromString(json.getString("user_uuid"));
        assertThat(json.getJsonObject("token_data").keySet()).containsExactly("scope");
        assertThat(json.getJsonObject("token_data").getString("scope")).contains("read_products", "read_discounts");
        assertThat(browser.sessionId()).as("session id changes at login").isPresent().get().isNotEqualTo(sessionBefore);
        assertThat(Database.connectionsOf("acme-outdoor.myshopify.com")).isEqualTo(1);
        assertThat(merchant).isNotNull();
    }

    @Test
    default void givesTheSameMerchantUuidWhenTheSameShopConnectsFromAnotherBrowser() {
        String first = json(connect(new Browser(), "returning-gear")).getString("user_uuid");
        String second = json(connect(new Browser(), "returning-gear")).getString("user_uuid");
        assertThat(second).isEqualTo(first);
        assertThat(Database.connectionsOf("returning-gear.myshopify.com")).isEqualTo(1);
    }

    @Test
    default void writesTheWholeCatalogUnderDataDirAndRewritesNothingOnReconnect() throws Exception {
        JsonObject first = json(connect(new Browser(), "local-lodge"));
        assertThat(first.getJsonObject("upload_status").getString("status")).isEqualTo("success");
        Path snapshot = Path.of(ItSettings.get("DATA_DIR"), "users", first.getString("user_uuid"), "shopify", "shopify_data.json");
        Path digest = snapshot.resolveSibling("preprocessed_data.json");
        JsonObject stored = Json.createReader(new StringReader(Files.readString(snapshot))).readObject();
        assertThat(stored).isEqualTo(first.getJsonObject("shopify_data"));
        assertThat(first.getJsonObject("snapshot").getBoolean("inline")).as("a small store's document is in the answer").isTrue();
        assertThat(stored.getJsonObject("data").getJsonObject("products").getJsonArray("edges"))
                .hasSize(first.getJsonObject("snapshot").getInt("products")).hasSizeGreaterThan(30);
        assertThat(Files.readString(digest)).contains("\"products\"", "\"price\"");
        FileTime written = Files.getLastModifiedTime(snapshot);

        JsonObject again = json(connect(new Browser(), "local-lodge"));

        assertThat(again.getJsonObject("upload_status").getString("status")).isEqualTo("unchanged");
        assertThat(Files.getLastModifiedTime(snapshot)).isEqualTo(written);
        assertThat(again.getString("user_uuid")).isEqualTo(first.getString("user_uuid"));
    }

    @Test
    default void givesEveryStoreItsOwnMerchantAndSnapshotEvenInOneBrowser() throws Exception {
        Browser shared = new Browser();
        JsonObject first = json(connect(shared, "shared-browser-a"));
        JsonObject second = json(connect(shared, "shared-browser-b"));

        assertThat(second.getString("user_uuid")).as("a store never seen before gets a merchant of its own")
                .isNotEqualTo(first.getString("user_uuid"));
        Path a = snapshotOf(first.getString("user_uuid"));
        Path b = snapshotOf(second.getString("user_uuid"));
        assertThat(Files.readString(a)).contains("shared-browser-a.myshopify.com").doesNotContain("shared-browser-b");
        assertThat(Files.readString(b)).contains("shared-browser-b.myshopify.com").doesNotContain("shared-browser-a");
        // The session now acts for the second store's merchant: a Facebook login is issued for it.
        HttpResponse<String> facebook = shared.get("/facebook/login", Browser.HTML);
        assertThat(facebook.statusCode()).isEqualTo(303);
        assertThat(stateSubject(facebook)).isEqualTo(second.getString("user_uuid"));

        JsonObject againA = json(connect(shared, "shared-browser-a"));
        assertThat(againA.getString("user_uuid")).as("the same shop always gets its UUID back").isEqualTo(first.getString("user_uuid"));
        assertThat(stateSubject(shared.get("/facebook/login", Browser.HTML))).isEqualTo(first.getString("user_uuid"));
    }

    @Test
    default void changesTheSessionIdAsSoonAsTheMerchantIsKnownBeforeWaitingForTheSnapshot() throws Exception {
        String shop = "slow-snapshots.myshopify.com";
        SandboxShopify.adminLatency(shop, 300); // a first sync of several seconds: the refusal is seen while it runs
        try {
            Browser browser = new Browser();
            URI callback = SandboxShopify.installUntilCallback(browser, "slow-snapshots");
            String before = browser.sessionId().orElseThrow();
            var answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> browser.get(callback.toString(), Browser.JSON));

            // While the callback still waits for the first snapshot, the id it started with is worth nothing.
            HttpResponse<String> withOldId = awaitRefusal(before, answer);
            assertThat(answer).as("still waiting for the snapshot").isNotDone();
            assertThat(withOldId.statusCode()).isEqualTo(409);

            HttpResponse<String> done = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            assertThat(browser.sessionId()).get().isNotEqualTo(before);
        } finally {
            SandboxShopify.adminLatency(shop, 0);
        }
    }

    @Test
    default void refusesAStoreThatGrantsLessAccessThanTheBotNeedsNamingWhatIsMissing() {
        String shop = "stingy-scopes.myshopify.com";
        SandboxShopify.grantOnly(shop, "read_products,read_inventory");
        Browser browser = new Browser();
        URI callback = SandboxShopify.installUntilCallback(browser, "stingy-scopes");

        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertProblem(answer);
        assertThat(json(answer).getString("type")).isEqualTo("/problems/missing-scope");
        assertThat(json(answer).getString("detail")).contains("read_discounts", "Nothing was connected");
        assertThat(Database.connectionsOf(shop)).isZero();
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ?", shop)).isZero();
    }

    @Test
    default void aLostRefreshAnswerDoesNotLockTheStoreOut() {
        String shop = "lossy-network.myshopify.com";
        // A token that must be refreshed before its first use; that refresh is carried out but its answer is lost.
        SandboxShopify.shortLivedTokensWithLostAnswers(shop, 60, 1);
        Browser browser = new Browser();
        URI callback = SandboxShopify.installUntilCallback(browser, "lossy-network");

        JsonObject answer = json(browser.get(callback.toString(), Browser.JSON));

        assertThat(answer.getJsonObject("upload_status").getString("status")).as(answer.toString()).isEqualTo("success");
        // The polling test then refreshes once more: the sandbox's 60-second tokens are always within five minutes of expiry.
        assertThat(SandboxShopify.tokenRequests(shop)).as("exchange, the lost refresh, its retry with the old token, the polling test's")
                .isEqualTo(4);
        assertThat(Database.row("select STATUS from SHOPIFY_CONNECTION where SHOP = ?", shop)).containsEntry("STATUS", "ACTIVE");
    }

    @Test
    default void abandonsAQueueRowThisVersionCannotReadAndKeepsWorking() {
        String id = UUID.randomUUID().toString();
        Database.execute("insert into SYNC_REQUEST (ID, KIND, TARGET, MERCHANT_ID, STATE, ATTEMPTS, NOT_BEFORE, CREATED_AT) "
                + "values (?, 'NO_SUCH_KIND', 'someone.myshopify.com', ?, 'PENDING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                id, UUID.randomUUID().toString());

        JsonObject answer = json(connect(new Browser(), "after-bad-row"));

        assertThat(answer.getJsonObject("upload_status").getString("status")).isEqualTo("success");
        Map<String, Object> row = Database.row("select STATE, MESSAGE from SYNC_REQUEST where ID = ?", id);
        assertThat(row).containsEntry("STATE", "ABANDONED");
        assertThat((String) row.get("MESSAGE")).contains("NO_SUCH_KIND");
    }

    @Test
    default void refreshesAnExpiringTokenBeforeItsFirstUse() {
        SandboxShopify.shortLivedTokens("fresh-tokens.myshopify.com", 60);

        JsonObject answer = json(connect(new Browser(), "fresh-tokens"));

        // Within five minutes of expiry, so the first sync refreshed it, and the polling test right
        // after it refreshed the new 60-second token again: exchange + two refreshes.
        assertThat(SandboxShopify.tokenRequests("fresh-tokens.myshopify.com")).isEqualTo(3);
        assertThat(answer.getJsonObject("upload_status").getString("status")).as(answer.toString()).isEqualTo("success");
        assertThat(answer.getJsonObject("polling_test").getString("status")).isEqualTo("success");
        assertThat(SandboxShopify.issuedTokens("fresh-tokens.myshopify.com")).hasSize(3);
    }

    @Test
    default void showsABrowserAReadablePage() {
        Browser browser = new Browser();
        URI callback = SandboxShopify.installUntilCallback(browser, "html-boutique");
        HttpResponse<String> page = browser.get(callback.toString(), Browser.HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body()).contains("<strong>html-boutique.myshopify.com</strong> is connected", "id=\"user-uuid\"");
    }

    @Test
    default void servesTheStartPageWithAConnectForm() {
        HttpResponse<String> page = new Browser().get("/", Browser.HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Connect Shopify", "name=\"shop\"", "action=\"/shopify/connect\"");
        HttpResponse<String> viaForm = new Browser().get("/shopify/connect?shop=form-store", Browser.HTML);
        assertThat(viaForm.statusCode()).isEqualTo(303);
        assertThat(viaForm.headers().firstValue("Location")).get().asString()
                .contains("/sandbox/shopify/form-store.myshopify.com/admin/oauth/authorize?");
    }

    @Test
    default void refusesInvalidShopsBeforeAnyRedirect() {
        for (String shop : List.of("evil.com", "a.myshopify.com.evil.test", "-x", "x%2F..%2Fy", "evil.com%252F.myshopify.com")) {
            HttpResponse<String> answer = new Browser().get("/shopify/" + shop + "/login", Browser.JSON);
            assertThat(answer.statusCode()).as(shop).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Location")).as(shop).isEmpty();
            assertProblem(answer);
        }
        HttpResponse<String> viaForm = new Browser().get("/shopify/connect?shop=" + Browser.enc("x/../y"), Browser.JSON);
        assertThat(viaForm.statusCode()).isEqualTo(400);
        assertProblem(viaForm);
    }

    @Test
    default void refusesEveryBadCallbackWithAProblemAndNoSideEffects() {
        List<String> failures = new ArrayList<>();
        for (BadCallback bad : BadCallback.values()) {
            String shop = "bad-" + bad.name().toLowerCase().replace('_', '-') + ".myshopify.com";
            Browser browser = new Browser();
            Map<String, String> params = SandboxShopify.query(SandboxShopify.installUntilCallback(browser, shop.replace(".myshopify.com", "")));
            int exchangesBefore = SandboxShopify.tokenRequests(shop);

            HttpResponse<String> answer = bad.send(browser, params);

            String what = bad + " → " + answer.statusCode() + " " + answer.body();
            if (answer.statusCode() != bad.status) {
                failures.add(what);
            }
            assertProblem(answer);
            assertThat(answer.body()).as(what).contains(bad.detail);
            assertThat(Database.connectionsOf(shop)).as("no connection stored: " + what).isZero();
            if (bad.exchangeMayHappen == 0) {
                assertThat(SandboxShopify.tokenRequests(shop)).as("no token exchange: " + what).isEqualTo(exchangesBefore);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    default void neverRevealsTheIssuedTokenInAnswersLogsOrTheDatabase() throws Exception {
        Browser browser = new Browser();
        connect(browser, "secretive-supplies");
        browser.get("/", Browser.HTML);
        List<String> tokens = SandboxShopify.issuedTokens("secretive-supplies.myshopify.com");
        assertThat(tokens).isNotEmpty();

        String log = Files.readString(ItSettings.serverLog());
        List<String> stored = Database.everyStoredValue();
        assertThat(stored).anyMatch(v -> v.startsWith("v2:")); // the sealed token is there…
        for (String token : tokens) {
            assertThat(browser.bodiesSeen()).noneMatch(body -> body.contains(token));
            assertThat(log).doesNotContain(token);
            assertThat(stored).noneMatch(v -> v.contains(token)); // …but never in plain text
        }
    }

    private static Path snapshotOf(String merchant) {
        return Path.of(ItSettings.get("DATA_DIR"), "users", merchant, "shopify", "shopify_data.json");
    }

    /** The merchant a Facebook login was issued for: the subject inside its signed state. */
    private static String stateSubject(HttpResponse<String> facebookLogin) {
        String state = SandboxShopify.query(URI.create(facebookLogin.headers().firstValue("Location").orElseThrow())).get("state");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(state.substring(0, state.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        return payload.split("\\|")[2];
    }

    /** Asks for a Facebook login with the session id {@code sessionId} until it is refused (409), bounded. */
    private static HttpResponse<String> awaitRefusal(String sessionId, java.util.concurrent.Future<?> callback) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        HttpResponse<String> answer = null;
        for (int i = 0; i < 40 && !callback.isDone(); i++) {
            answer = client.send(java.net.http.HttpRequest.newBuilder(Browser.resolve("/facebook/login"))
                    .header("Accept", Browser.JSON).header("Cookie", "salesbot-session=" + sessionId).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 409) {
                return answer;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the old session id still worked while the callback waited: " + (answer == null ? "" : answer.statusCode()));
    }

    private static HttpResponse<String> connect(Browser browser, String shop) {
        URI callback = SandboxShopify.installUntilCallback(browser, shop);
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static void assertProblem(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonObject problem = json(answer);
        assertThat(problem.keySet()).contains("type", "title", "status", "detail", "instance");
        assertThat(problem.getInt("status")).isEqualTo(answer.statusCode());
        assertThat(answer.body()).doesNotContain("Exception", "at dev.salesbot");
    }

    /** The bad-input table of issue 3: each callback defect, the answer it must get. */
    enum BadCallback {
        MISSING_CODE(400, "code", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) { p.remove("code"); return p; }
        },
        MISSING_SHOP(400, "shop", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) { p.remove("shop"); return p; }
        },
        MISSING_STATE(400, "state", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) { p.remove("state"); return p; }
        },
        FORGED_HMAC(403, "hmac", 0) {
            String url(Map<String, String> p, Browser b) { return SandboxShopify.callbackUrl(p, "not-the-app-secret"); }
        },
        STALE_TIMESTAMP(403, "timestamp", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) {
                p.put("timestamp", Long.toString(Instant.now().minus(Duration.ofHours(1)).getEpochSecond()));
                return p;
            }
        },
        REPLAYED_STATE(403, "already been used", 1) {
            HttpResponse<String> send(Browser browser, Map<String, String> p) {
                SandboxShopify.failTokenEndpoint(p.get("shop"), 401, 1);
                HttpResponse<String> first = browser.get(SandboxShopify.callbackUrl(p, SandboxShopify.appSecret()));
                assertThat(first.statusCode()).as(first.body()).isEqualTo(502);
                int exchanges = SandboxShopify.tokenRequests(p.get("shop"));
                HttpResponse<String> replay = browser.get(SandboxShopify.callbackUrl(p, SandboxShopify.appSecret()));
                assertThat(SandboxShopify.tokenRequests(p.get("shop"))).as("a replay exchanges nothing").isEqualTo(exchanges);
                return replay;
            }
        },
        STATE_FROM_ANOTHER_SESSION(403, "another browser session", 0) {
            HttpResponse<String> send(Browser browser, Map<String, String> p) {
                Browser other = new Browser();
                other.get("/shopify/" + p.get("shop") + "/login", Browser.HTML); // other has a session of its own
                return other.get(SandboxShopify.callbackUrl(p, SandboxShopify.appSecret()));
            }
        },
        EXPIRED_STATE(403, "expired", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) {
                StateTokens elevenMinutesAgo = new StateTokens(ItSettings.get("STATE_TOKEN_SECRET"), Duration.ofMinutes(10),
                        Clock.fixed(Instant.now().minus(Duration.ofMinutes(11)), ZoneOffset.UTC));
                p.put("state", elevenMinutesAgo.issue("shopify-connect", p.get("shop"), b.sessionId().orElseThrow()));
                return p;
            }
        },
        SHOP_EVIL_COM(400, "not a Shopify shop", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) { p.put("shop", "evil.com"); return p; }
        },
        SHOP_SUFFIXED(400, "not a Shopify shop", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) { p.put("shop", "a.myshopify.com.evil.test"); return p; }
        },
        SHOP_LEADING_HYPHEN(400, "not a Shopify shop", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) { p.put("shop", "-x"); return p; }
        },
        SHOP_PATH(400, "not a Shopify shop", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) { p.put("shop", "x/../y"); return p; }
        },
        SHOP_ENCODED_SLASH(400, "not a Shopify shop", 0) {
            Map<String, String> change(Map<String, String> p, Browser b) { p.put("shop", "evil.com%2F.myshopify.com"); return p; }
        },
        TOKEN_ENDPOINT_401(502, "HTTP 401", 1) {
            HttpResponse<String> send(Browser browser, Map<String, String> p) {
                SandboxShopify.failTokenEndpoint(p.get("shop"), 401, 1);
                return super.send(browser, p);
            }
        },
        TOKEN_ENDPOINT_500(502, "HTTP 500", 1) {
            HttpResponse<String> send(Browser browser, Map<String, String> p) {
                SandboxShopify.failTokenEndpoint(p.get("shop"), 500, 1);
                return super.send(browser, p);
            }
        };

        final int status;
        final String detail;
        final int exchangeMayHappen;

        BadCallback(int status, String detail, int exchangeMayHappen) {
            this.status = status;
            this.detail = detail;
            this.exchangeMayHappen = exchangeMayHappen;
        }

        Map<String, String> change(Map<String, String> params, Browser browser) {
            return params;
        }

        String url(Map<String, String> params, Browser browser) {
            return SandboxShopify.callbackUrl(change(new LinkedHashMap<>(params), browser), SandboxShopify.appSecret());
        }

        HttpResponse<String> send(Browser browser, Map<String, String> params) {
            return browser.get(url(params, browser));
        }
    }
}

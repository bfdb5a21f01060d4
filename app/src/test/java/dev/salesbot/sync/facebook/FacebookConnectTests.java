package dev.salesbot.sync.facebook;

import dev.salesbot.sandbox.facebook.SamplePages;
import dev.salesbot.sandbox.facebook.SandboxPage;
import dev.salesbot.sync.security.control.StateTokens;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.SandboxFacebook;
import dev.salesbot.sync.testing.SandboxShopify;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flow 3 end to end on a real Payara Micro: Shopify, then Facebook through the sandbox dialog, over loopback.
 *
 * <p>Run in {@link FacebookWebhooksIT}'s server: every test starts from {@code SandboxFacebook.reset()}.
 */
public interface FacebookConnectTests {

    List<SandboxPage> THREE_PAGES = SamplePages.seed(3, false);

    @Test
    default void connectsTheStoreThenEveryPageUnderOneMerchantWithExactSnapshots() throws IOException {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-fast-online");

        JsonObject first = json(connectPages(browser, SandboxFacebook.Choice.allowAll(), 200));

        assertThat(first.getString("user_uuid")).isEqualTo(merchant.toString());
        assertThat(ids(first.getJsonObject("pages").getJsonArray("data"), "id")).containsExactlyElementsOf(pageIds(THREE_PAGES));
        assertThat(first.getJsonObject("pages").getJsonArray("data").getJsonObject(0).keySet())
                .containsExactlyInAnyOrder("id", "name", "category");
        assertThat(results(first, "polling_test").values()).containsOnly("success");
        assertThat(results(first, "upload_status").values()).isSubsetOf("success", "unchanged");
        assertThat(first.getJsonArray("refused_pages")).isEmpty();
        for (SandboxPage page : THREE_PAGES) {
            assertThat(storedSnapshot(merchant, page.id())).as(page.name()).isEqualTo(SandboxFacebook.expectedSnapshot(page));
        }
        assertThat(SandboxFacebook.stats().getJsonObject("subscriptions").keySet())
                .containsExactlyInAnyOrderElementsOf(pageIds(THREE_PAGES));

        JsonObject second = json(connectPages(browser, SandboxFacebook.Choice.allowAll(), 200));
        assertThat(second.getString("user_uuid")).isEqualTo(merchant.toString());
        assertThat(results(second, "upload_status")).containsOnlyKeys(pageIds(THREE_PAGES)).containsValues("unchanged")
                .doesNotContainValue("success");

        URI callback = SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.allowAll());
        HttpResponse<String> page = browser.get(callback.toString(), Browser.HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Fast Online Store PH", "Manila Sneaker Hub", merchant.toString(), "unchanged");
    }

    @Test
    default void refusesFacebookLoginWithoutAMerchantSession() {
        HttpResponse<String> api = new Browser().get("/facebook/login", Browser.JSON);
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.headers().firstValue("Location")).isEmpty();
        assertProblem(api, "Connect your Shopify store first");

        HttpResponse<String> page = new Browser().get("/facebook/login", Browser.HTML);
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("Connect your Shopify store first", "href=\"/\"");
    }

    @Test
    default void refusesForgedReplayedAndCrossSessionStatesBeforeAnyTokenExchange() {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-state-checks");
        Map<String, String> params = SandboxShopify.query(SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.allowAll()));

        assertRefused(browser.get(callback(params, "state", "eyJmb3JnZWQiOnRydWV9.c2lnbmF0dXJl")), 403, "signature");
        StateTokens realSecret = new StateTokens(ItSettings.get("STATE_TOKEN_SECRET"), Duration.ofMinutes(10), Clock.systemUTC());
        String otherMerchant = realSecret.issue("facebook-connect", UUID.randomUUID().toString(), browser.sessionId().orElseThrow());
        assertRefused(browser.get(callback(params, "state", otherMerchant)), 403, "another merchant");
        Browser attacker = new Browser();
        connectStore(attacker, "fb-state-attacker");
        assertRefused(attacker.get(callback(params, "state", params.get("state"))), 403, "another browser session");
        assertThat(SandboxFacebook.requests(SandboxFacebook.TOKEN_ENDPOINT)).as("no token exchange yet").isZero();

        HttpResponse<String> badCode = browser.get(callback(params, "code", "not-a-code-facebook-issued"));
        assertThat(badCode.statusCode()).as(badCode.body()).isEqualTo(502);
        assertThat(SandboxFacebook.requests(SandboxFacebook.TOKEN_ENDPOINT)).isEqualTo(1);
        assertRefused(browser.get(callback(params, "code", params.get("code"))), 403, "already been used");
        assertThat(SandboxFacebook.requests(SandboxFacebook.TOKEN_ENDPOINT)).as("a replay exchanges nothing").isEqualTo(1);
        assertThat(pageConnectionsOf(merchant)).isZero();
    }

    @Test
    default void answersDeniedPermissionsClearlyAndStoresNothing() {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-denied");
        URI callback = SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.deny());
        assertThat(SandboxShopify.query(callback)).containsEntry("error", "access_denied");

        assertRefused(browser.get(callback.toString()), 403, "permissions were denied");
        assertThat(SandboxFacebook.requests(SandboxFacebook.TOKEN_ENDPOINT)).isZero();
        assertThat(pageConnectionsOf(merchant)).isZero();
    }

    @Test
    default void refusesAPartialGrantNamingTheMissingPermission() {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-partial");

        URI noMessaging = SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.declining("pages_messaging"));
        assertRefused(browser.get(noMessaging.toString()), 403, "pages_messaging");
        URI noList = SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.declining("pages_show_list"));
        assertRefused(browser.get(noList.toString()), 403, "without pages_show_list Facebook lists no Pages");

        assertThat(pageConnectionsOf(merchant)).isZero();
        assertThat(SandboxFacebook.stats().getJsonObject("subscriptions")).isEmpty();
    }

    @Test
    default void refusesANonNumericPageIdAndConnectsTheOthers() throws IOException {
        SandboxFacebook.seedUser(3, true);
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-odd-ids");

        JsonObject answer = json(connectPages(browser, SandboxFacebook.Choice.allowAll(), 200));

        List<String> good = pageIds(SamplePages.seed(3, true)).subList(0, 2);
        assertThat(ids(answer.getJsonObject("pages").getJsonArray("data"), "id")).containsExactlyElementsOf(good);
        assertThat(answer.getJsonArray("refused_pages")).singleElement()
                .satisfies(r -> assertThat(r.asJsonObject().getString("id")).isEqualTo(SamplePages.NON_NUMERIC_PAGE_ID));
        assertThat(results(answer, "upload_status")).containsOnlyKeys(good);
        try (Stream<Path> dirs = Files.list(pagesDir(merchant))) {
            assertThat(dirs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(good);
        }
        assertThat(SandboxFacebook.stats().getJsonObject("byPath").keySet()).noneMatch(k -> k.contains("12ab"));
        SandboxFacebook.reset();
    }

    @Test
    default void marksAPageWhoseTokenExpiredAsNeedingReconnectUntilItIsConnectedAgain() {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-expiring");
        connectPages(browser, SandboxFacebook.Choice.allowAll(), 200);
        String expired = THREE_PAGES.get(1).id();
        SandboxFacebook.expireToken(expired);

        JsonObject recheck = json(connectPages(browser,
                SandboxFacebook.Choice.onlyPages(List.of(THREE_PAGES.get(0).id(), THREE_PAGES.get(2).id())), 200));

        assertThat(connectionStatuses(recheck)).containsEntry(expired, "needs_reconnect")
                .containsEntry(THREE_PAGES.get(0).id(), "active");
        assertThat(results(recheck, "upload_status")).containsEntry(expired, "failed");
        assertThat(recheck.toString()).contains("reconnect");
        assertThat(Database.count("select count(*) from FACEBOOK_PAGE_CONNECTION where PAGE_ID = ? and STATUS = 'NEEDS_RECONNECT'",
                expired)).isEqualTo(1);

        JsonObject reconnect = json(connectPages(browser, SandboxFacebook.Choice.allowAll(), 200));
        assertThat(connectionStatuses(reconnect)).containsEntry(expired, "active");
        assertThat(results(reconnect, "polling_test")).containsEntry(expired, "success");
        assertThat(pageConnectionsOf(merchant)).isEqualTo(3);
    }

    @Test
    default void recoversFromRateLimitsAndSlowsDownAtHighUsage() {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        connectStore(browser, "fb-throttled");
        SandboxFacebook.planRateLimits(613, 2);
        SandboxFacebook.forceUsage(85);

        JsonObject answer = json(connectPages(browser, SandboxFacebook.Choice.allowAll(), 200));

        assertThat(results(answer, "polling_test").values()).containsOnly("success");
        assertThat(results(answer, "upload_status")).containsOnlyKeys(pageIds(THREE_PAGES));
        assertThat(SandboxFacebook.requests("GET /graph/me/permissions")).as("two refusals, then success").isEqualTo(3);
        SandboxFacebook.reset();
    }

    @Test
    default void neverRevealsAUserOrPageTokenInAnswersLogsStoredObjectsOrColumns() throws IOException {
        SandboxFacebook.reset();
        Browser browser = new Browser();
        connectStore(browser, "fb-secretive");
        connectPages(browser, SandboxFacebook.Choice.allowAll(), 200);
        URI callback = SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.allowAll());
        assertThat(browser.get(callback.toString(), Browser.HTML).statusCode()).isEqualTo(200);
        List<String> tokens = SandboxFacebook.issuedTokens();
        assertThat(tokens).hasSizeGreaterThan(3);

        String log = Files.readString(ItSettings.serverLog());
        List<String> stored = Database.everyStoredValue();
        List<String> objects = storedObjects();
        assertThat(stored).anyMatch(v -> v.startsWith("v2:"));
        for (String token : tokens) {
            assertThat(browser.bodiesSeen()).noneMatch(body -> body.contains(token));
            assertThat(log).doesNotContain(token);
            assertThat(stored).noneMatch(v -> v.contains(token));
            assertThat(objects).noneMatch(content -> content.contains(token));
        }
        String appSecret = ItSettings.get("FACEBOOK_APP_SECRET");
        assertThat(browser.bodiesSeen()).noneMatch(body -> body.contains(appSecret));
        assertThat(log).doesNotContain(appSecret);
        assertThat(SandboxFacebook.requests(SandboxFacebook.TOKEN_ENDPOINT)).as("code and long-lived exchanges, in a POST body")
                .isGreaterThanOrEqualTo(4);
        assertThat(SandboxFacebook.requests(SandboxFacebook.TOKEN_ENDPOINT_BY_URL)).as("never the app secret in a URL").isZero();
    }

    // --- helpers

    private static UUID connectStore(Browser browser, String shop) {
        URI callback = SandboxShopify.installUntilCallback(browser, shop);
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return UUID.fromString(json(answer).getString("user_uuid"));
    }

    private static HttpResponse<String> connectPages(Browser browser, SandboxFacebook.Choice choice, int status) {
        URI callback = SandboxFacebook.dialogUntilCallback(browser, choice);
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return answer;
    }

    private static String callback(Map<String, String> params, String name, String value) {
        return "/facebook/callback?" + params.entrySet().stream()
                .map(e -> Browser.enc(e.getKey()) + "=" + Browser.enc(e.getKey().equals(name) ? value : e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String detail) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertProblem(answer, detail);
    }

    private static void assertProblem(HttpResponse<String> answer, String detail) {
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonObject problem = json(answer);
        assertThat(problem.keySet()).contains("type", "title", "status", "detail", "instance");
        assertThat(problem.getInt("status")).isEqualTo(answer.statusCode());
        assertThat(problem.getString("detail")).contains(detail);
        assertThat(answer.body()).doesNotContain("Exception", "at dev.salesbot");
    }

    private static Map<String, String> results(JsonObject answer, String name) {
        return answer.getJsonArray(name).stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> r.getString("page_id"), r -> r.getJsonObject("result").getString("status")));
    }

    private static Map<String, String> connectionStatuses(JsonObject answer) {
        return answer.getJsonArray("page_connections").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> r.getString("page_id"), r -> r.getString("status")));
    }

    private static List<String> ids(JsonArray array, String field) {
        return array.stream().map(v -> v.asJsonObject().getString(field)).toList();
    }

    private static List<String> pageIds(List<SandboxPage> pages) {
        return pages.stream().map(SandboxPage::id).toList();
    }

    private static long pageConnectionsOf(UUID merchant) {
        return Database.count("select count(*) from FACEBOOK_PAGE_CONNECTION where MERCHANT_ID = ?", merchant.toString());
    }

    private static Path pagesDir(UUID merchant) {
        return Path.of(ItSettings.get("DATA_DIR")).resolve("users").resolve(merchant.toString()).resolve("facebook_messenger");
    }

    private static JsonObject storedSnapshot(UUID merchant, String pageId) throws IOException {
        return Json.createReader(new StringReader(Files.readString(pagesDir(merchant).resolve(pageId).resolve("page_data.json"))))
                .readObject();
    }

    private static List<String> storedObjects() throws IOException {
        List<String> contents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(ItSettings.get("DATA_DIR")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.add(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return contents;
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}

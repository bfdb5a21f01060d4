package dev.salesbot.sync.shopify;

import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.SandboxShopify;
import dev.salesbot.sync.testing.ShopifyWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.salesbot.sync.testing.Await.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, item 3: the way back from the Shopify admin. The sandbox store admin's <em>Open app</em>
 * sends the browser to the App URL ({@code /}) with a launch signed as Shopify signs it. Run in
 * {@link ShopifyWebhooksIT}'s server; each test uses stores of its own.
 */
public interface ShopifyLaunchTests {

    @Test
    default void anInstalledStoreOpensOnItsPageForItsMerchantWithNoOAuthAndNoSync() throws IOException {
        String shop = "harbour-candles.myshopify.com";
        JsonObject connected = connectStore("harbour-candles");
        String merchant = connected.getString("user_uuid");
        Path snapshot = Path.of(ItSettings.get("DATA_DIR"), "users", merchant, "shopify", "shopify_data.json");
        FileTime written = Files.getLastModifiedTime(snapshot);
        long syncs = Database.count("select count(*) from SYNC_REQUEST where TARGET = ?", shop);
        int tokenCalls = SandboxShopify.tokenRequests(shop);
        // Another day, another browser, which happens to have a session already (a connect begun and left).
        Browser browser = new Browser();
        browser.get("/shopify/errand-elsewhere/login", Browser.HTML);
        String before = browser.sessionId().orElseThrow();

        URI launch = SandboxShopify.openApp(browser, shop);
        assertThat(SandboxShopify.query(launch)).containsOnlyKeys("host", "shop", "timestamp", "hmac").containsEntry("shop", shop);
        HttpResponse<String> landed = browser.get(launch.toString(), Browser.HTML);

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(303);
        assertThat(URI.create(location(landed)).getPath()).isEqualTo("/shopify/store");
        assertThat(browser.sessionId()).as("a new session id once the merchant is known").get().isNotEqualTo(before);
        assertThat(sessionWithId(before).statusCode()).as("the id from before the launch is worth nothing").isEqualTo(409);

        HttpResponse<String> page = browser.get("/shopify/store", Browser.HTML);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>" + shop + "</strong> is connected", "<code id=\"user-uuid\">" + merchant + "</code>",
                "Already up to date: " + connected.getJsonObject("snapshot").getInt("products") + " products",
                "id=\"webhook-test\" class=\"ok\"", "id=\"polling-test\" class=\"ok\"", "href=\"/connections\" id=\"my-connections\"");

        HttpResponse<String> mine = browser.get("/connections", Browser.HTML);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(mine.body()).contains("Shopify store " + shop);
        assertThat(json(browser.get("/connections/status", Browser.JSON)).getString("user_uuid")).isEqualTo(merchant);

        assertThat(SandboxShopify.tokenRequests(shop)).as("no code exchanged: no OAuth round trip").isEqualTo(tokenCalls);
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ?", shop)).as("no sync asked for").isEqualTo(syncs);
        assertThat(Files.getLastModifiedTime(snapshot)).as("no snapshot written").isEqualTo(written);
        assertThat(Files.readString(ItSettings.serverLog())).contains(shop + " opened from the Shopify admin for merchant " + merchant);

        // The same launch again — from the history, or a copied link, still in its window — opens nothing.
        assertPlainStartPageWithNothingInTheSession(launch.toString());
        assertThat(warnings()).anyMatch(line -> line.contains(shop) && line.contains("used before"));
    }

    @Test
    default void aStoreThatNeedsAReconnectIsSentToItsGrantPage() {
        String shop = "lapsed-lanterns.myshopify.com";
        JsonObject connected = connectStore("lapsed-lanterns");
        String product = connected.getJsonObject("shopify_data").getJsonObject("data").getJsonObject("products").getJsonArray("edges")
                .getJsonObject(0).getJsonObject("node").getString("id");
        SandboxShopify.revokeTokens(shop);
        ShopifyWebhooks.editProduct(shop, product, "Lapsed Lantern, Renamed", null, true); // its sync meets the 401
        await(() -> "NEEDS_RECONNECT".equals(Database.row("select STATUS from SHOPIFY_CONNECTION where SHOP = ?", shop).get("STATUS")),
                Duration.ofSeconds(30), shop + " marked as needing a reconnect");

        Browser browser = new Browser();
        HttpResponse<String> landed = browser.get(SandboxShopify.openApp(browser, shop).toString(), Browser.HTML);

        assertSentToGrantPage(landed, shop);
        assertThat(browser.get("/connections/status", Browser.JSON).statusCode()).as("the session acts for nobody").isEqualTo(409);
    }

    @Test
    default void anUninstalledStoreIsSentToItsGrantPage() {
        String shop = "former-florist.myshopify.com";
        connectStore("former-florist");
        ShopifyWebhooks.uninstall(shop);
        await(() -> "UNINSTALLED".equals(Database.row("select STATUS from SHOPIFY_CONNECTION where SHOP = ?", shop).get("STATUS")),
                Duration.ofSeconds(20), shop + " uninstalled");

        Browser browser = new Browser();
        assertSentToGrantPage(browser.get(SandboxShopify.openApp(browser, shop).toString(), Browser.HTML), shop);
    }

    @Test
    default void aStoreNeverInstalledIsSentToItsGrantPage() {
        String shop = "first-visit-farm.myshopify.com";
        Browser browser = new Browser();

        HttpResponse<String> landed = browser.get(SandboxShopify.openApp(browser, shop).toString(), Browser.HTML);

        assertSentToGrantPage(landed, shop);
        assertThat(Database.connectionsOf(shop)).isZero();
        assertThat(browser.get("/connections/status", Browser.JSON).statusCode()).isEqualTo(409);
    }

    @Test
    default void aForgedOrUnsignedLaunchGetsThePlainStartPageAndNothingInTheSession() throws IOException {
        String shop = "forged-fjord.myshopify.com";
        connectStore("forged-fjord");
        Map<String, String> launch = launchOf(shop, Instant.now());

        for (String url : new String[]{SandboxShopify.launchUrl(launch, "not-the-app-secret"), unsigned(launch)}) {
            assertPlainStartPageWithNothingInTheSession(url);
        }
        assertThat(warnings()).anyMatch(line -> line.contains(shop) && line.contains("hmac does not match"))
                .anyMatch(line -> line.contains(shop) && line.contains("missing the parameter(s): hmac"));
    }

    @Test
    default void aStaleLaunchGetsThePlainStartPageAndNothingInTheSession() throws IOException {
        String shop = "stale-sloop.myshopify.com";
        connectStore("stale-sloop");
        Map<String, String> anHourOld = launchOf(shop, Instant.now().minus(Duration.ofHours(1)));

        assertPlainStartPageWithNothingInTheSession(SandboxShopify.launchUrl(anHourOld, SandboxShopify.appSecret()));

        assertThat(warnings()).anyMatch(line -> line.contains(shop) && line.contains("timestamp is"));
    }

    private static void assertPlainStartPageWithNothingInTheSession(String url) {
        Browser fresh = new Browser();
        HttpResponse<String> page = fresh.get(url, Browser.HTML);
        assertThat(page.statusCode()).as(url).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/shopify/connect\"", "Connect Shopify").doesNotContain("Your store is connected");
        assertThat(fresh.sessionId()).as("no session made for " + url).isEmpty();

        Browser withSession = new Browser();
        withSession.get("/shopify/errand-elsewhere/login", Browser.HTML);
        String before = withSession.sessionId().orElseThrow();
        assertThat(withSession.get(url, Browser.HTML).statusCode()).isEqualTo(200);
        assertThat(withSession.sessionId()).as("the same session, untouched").contains(before);
        assertThat(withSession.get("/connections/status", Browser.JSON).statusCode()).as("acting for nobody").isEqualTo(409);
    }

    private static void assertSentToGrantPage(HttpResponse<String> landed, String shop) {
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(303);
        URI grant = URI.create(location(landed));
        assertThat(grant.getPath()).isEqualTo("/sandbox/shopify/" + shop + "/admin/oauth/authorize");
        assertThat(SandboxShopify.query(grant)).containsKeys("client_id", "scope", "redirect_uri", "state");
    }

    /** The launch the Shopify admin would send for {@code shop} at {@code at}, before its hmac. */
    private static Map<String, String> launchOf(String shop, Instant at) {
        Map<String, String> launch = new LinkedHashMap<>();
        launch.put("host", Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("admin.shopify.com/store/" + shop.replace(".myshopify.com", "")).getBytes(UTF_8)));
        launch.put("shop", shop);
        launch.put("timestamp", Long.toString(at.getEpochSecond()));
        return launch;
    }

    private static String unsigned(Map<String, String> launch) {
        return "/?host=" + Browser.enc(launch.get("host")) + "&shop=" + Browser.enc(launch.get("shop"))
                + "&timestamp=" + launch.get("timestamp");
    }

    private static java.util.List<String> warnings() throws IOException {
        return Files.readAllLines(ItSettings.serverLog(), UTF_8).stream()
                .filter(line -> line.contains(" WARNING ") && line.contains("Refused a launch from the Shopify admin")).toList();
    }

    private static JsonObject connectStore(String shop) {
        Browser browser = new Browser();
        URI callback = SandboxShopify.installUntilCallback(browser, shop);
        HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer);
    }

    /** My connections' status, asked with the session id {@code id} alone. */
    private static HttpResponse<String> sessionWithId(String id) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(Browser.resolve("/connections/status")).header("Accept", Browser.JSON)
                            .header("Cookie", "salesbot-session=" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}

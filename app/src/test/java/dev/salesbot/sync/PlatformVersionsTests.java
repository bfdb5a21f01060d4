package dev.salesbot.sync;

import dev.salesbot.sandbox.facebook.SamplePages;
import dev.salesbot.sandbox.facebook.SandboxPage;
import dev.salesbot.sync.testing.AdminClient;
import dev.salesbot.sync.testing.Await;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.SandboxAdmin;
import dev.salesbot.sync.testing.SandboxFacebook;
import dev.salesbot.sync.testing.SandboxShopify;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, item 4: the platforms move. Shopify answers another Admin API version than asked for
 * once the asked one is retired, and the operators see it; Graph's v27 rules for new apps (no
 * field aliases, no multi-id requests) leave the Page sync working.
 *
 * <p>Run in {@code ShopifyWebhooksIT}'s server; each test puts the sandbox's switches back.
 */
public interface PlatformVersionsTests {

    String ASKED = "2026-10";
    String FALLEN_FORWARD = "2027-01";

    /**
     * The sandbox answers 2027-01 to requests for 2026-10 (as Shopify after retiring 2026-10,
     * https://shopify.dev/docs/api/usage/versioning): the connect still works, the fall-forward is
     * counted with both versions, logged and shown; an answer in 2026-10 again clears the notice.
     */
    @Test
    default void aShopifyAnswerInAnotherVersionIsCountedLoggedAndShown() throws IOException {
        String shop = "versions-fall-forward.myshopify.com";
        try {
            assertThat(SandboxAdmin.app("{\"answeredVersion\": \"" + FALLEN_FORWARD + "\"}").getString("answeredVersion"))
                    .isEqualTo(FALLEN_FORWARD);
            Browser browser = new Browser();
            URI callback = SandboxShopify.installUntilCallback(browser, "versions-fall-forward");
            HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(json(answer.body()).getJsonObject("upload_status").getString("status")).isEqualTo("success");

            assertThat(AdminClient.get("/admin/api/metrics").body()).containsPattern(
                    "salesbot_shopify_api_version_fallforward_total\\{answered=\"2027-01\",requested=\"2026-10\",?} [1-9]")
                    .containsPattern("salesbot_api_version_support_days\\{platform=\"shopify\",version=\"2026-10\",?} [1-9]")
                    .containsPattern("salesbot_api_version_support_days\\{platform=\"facebook\",version=\"v24.0\",?} [1-9]");
            JsonObject summary = AdminClient.json(AdminClient.get("/admin/api/summary"));
            JsonObject notice = summary.getJsonArray("notices").getValuesAs(JsonObject.class).stream()
                    .filter(n -> n.getString("name").equals("shopify-api-version")).findFirst().orElseThrow();
            assertThat(notice.getString("message")).contains("2027-01", "2026-10", "SHOPIFY_API_VERSION");
            assertThat(Files.readString(ItSettings.serverLog()))
                    .containsOnlyOnce("Shopify answered Admin API version 2027-01 to a request for 2026-10");
            Browser admin = new Browser();
            AdminClient.login(admin);
            assertThat(admin.get("/admin", Browser.HTML).body()).contains("id=\"notice-shopify-api-version\"", "id=\"api-versions\"",
                    "Shopify Admin API 2026-10 is supported until 2027-10-01", "Graph API v24.0 is supported until 2028-02-18");
            JsonObject shopifyVersion = summary.getJsonArray("api_versions").getValuesAs(JsonObject.class).stream()
                    .filter(v -> v.getString("platform").equals("shopify")).findFirst().orElseThrow();
            assertThat(shopifyVersion.getString("version")).isEqualTo(ASKED);
            assertThat(shopifyVersion.getString("supported_until")).isEqualTo("2027-10-01");

            SandboxAdmin.app("{\"answeredVersion\": null}");
            HttpResponse<String> sync = AdminClient.call("POST", "/admin/api/connections/" + AdminClient.connection(shop).getString("id") + "/sync");
            assertThat(sync.statusCode()).as(sync.body()).isBetween(200, 202);
            Await.await(() -> Database.count("select count(*) from PLATFORM_NOTICE where NAME = 'shopify-api-version'") == 0,
                    Duration.ofSeconds(60), "the notice cleared by an answer in the version asked for");
        } finally {
            SandboxAdmin.app("{\"answeredVersion\": null}");
            Database.execute("delete from PLATFORM_NOTICE where NAME = 'shopify-api-version'");
        }
    }

    /**
     * The sandbox holds the app to Graph v27's rules for new apps, which refuse field aliases and
     * multi-id requests on every version
     * (https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/):
     * Pages connect, their snapshots are written, and a Page's sync after a rename reads it again,
     * with no request refused.
     */
    @Test
    default void thePageSyncWorksUnderGraphV27sRulesForNewApps() throws IOException {
        SandboxFacebook.reset();
        SandboxFacebook.v27(true);
        try {
            Browser browser = new Browser();
            URI store = SandboxShopify.installUntilCallback(browser, "versions-graph-v27");
            HttpResponse<String> connected = browser.get(store.toString(), Browser.JSON);
            assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
            String merchant = json(connected.body()).getString("user_uuid");

            URI callback = SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.allowAll());
            HttpResponse<String> answer = browser.get(callback.toString(), Browser.JSON);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonObject pages = json(answer.body());
            assertThat(pages.getJsonArray("upload_status").getValuesAs(JsonObject.class))
                    .allSatisfy(r -> assertThat(r.getJsonObject("result").getString("status")).isIn("success", "unchanged"));
            SandboxPage first = SamplePages.seed(3, false).get(0);
            assertThat(snapshot(merchant, first.id()).getJsonArray("data").getJsonObject(0).getString("name")).isEqualTo(first.name());

            SandboxFacebook.editPage(first.id(), "name", "Fast Online Store PH (v27)");
            HttpResponse<String> sync = AdminClient.call("POST", "/admin/api/connections/" + pageConnection(merchant, first.id()) + "/sync");
            assertThat(sync.statusCode()).as(sync.body()).isBetween(200, 202);
            Await.await(() -> name(merchant, first.id()).equals("Fast Online Store PH (v27)"), Duration.ofSeconds(60),
                    "the renamed Page synced under v27's rules");
            JsonObject stats = SandboxFacebook.stats();
            assertThat(stats.getBoolean("v27")).isTrue();
            assertThat(stats.getInt("legacyRefused")).as("no alias, no multi-id request").isZero();
        } finally {
            SandboxFacebook.v27(false);
        }
    }

    /** The console's id of this merchant's connection of the Page (another merchant may hold the same Page). */
    private static String pageConnection(String merchant, String pageId) {
        return AdminClient.json(AdminClient.get("/admin/api/connections")).getJsonArray("connections").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getString("target").equals(pageId) && c.getString("merchant").equals(merchant))
                .findFirst().orElseThrow(() -> new AssertionError("no connection of Page " + pageId + " for " + merchant)).getString("id");
    }

    private static String name(String merchant, String pageId) {
        try {
            return snapshot(merchant, pageId).getJsonArray("data").getJsonObject(0).getString("name", "");
        } catch (IOException | RuntimeException notYet) {
            return "";
        }
    }

    private static JsonObject snapshot(String merchant, String pageId) throws IOException {
        Path file = Path.of(ItSettings.get("DATA_DIR"), "users", merchant, "facebook_messenger", pageId, "page_data.json");
        return json(Files.readString(file));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}

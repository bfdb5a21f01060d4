package dev.salesbot.sync.shopify;

import dev.salesbot.sync.testing.AdminClient;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.SandboxAdmin;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 in a running server: a store above {@code BULK_THRESHOLD_PRODUCTS} (250) is connected
 * through the sandbox's bulk operations, finished by the {@code bulk_operations/finish} webhook or,
 * when it is dropped, by polling; a failing operation is retried, then paged, and the answer says
 * which. Run in {@link ShopifyWebhooksIT}'s server (the webhook endpoint is the one under test).
 */
public interface BulkSyncTests {

    int PRODUCTS = 300;

    @Test
    default void aLargeStoreIsConnectedThroughBulkOperationsFinishedByTheirWebhook() throws IOException {
        String shop = "bulk-outfitters.myshopify.com";
        prepare(shop, "{\"objectsPerSecond\": 20000, \"startMillis\": 300}");

        JsonObject answer = connectLarge("bulk-outfitters");

        assertThat(answer.getJsonObject("upload_status").getString("status")).as(answer.toString()).isEqualTo("success");
        assertThat(answer.getJsonObject("upload_status").getString("message")).contains("(fetched through bulk operations)");
        assertThat(answer.getJsonObject("snapshot").getString("fetched")).isEqualTo("through bulk operations");
        assertThat(answer.getJsonObject("snapshot").getInt("products")).isEqualTo(PRODUCTS);
        assertThat(stored(answer).getJsonObject("data").getJsonObject("products").getJsonArray("edges")).hasSize(PRODUCTS);
        // Larger than ANSWER_INLINE_MAX_BYTES (512 kB in these tests): the answer says where it is instead of carrying it.
        JsonObject snapshot = answer.getJsonObject("snapshot");
        assertThat(answer.isNull("shopify_data")).as("no document inline").isTrue();
        assertThat(snapshot.getBoolean("inline")).isFalse();
        assertThat(snapshot.getString("location")).isEqualTo("users/" + answer.getString("user_uuid") + "/shopify/shopify_data.json");
        assertThat(snapshot.getJsonNumber("bytes").longValue()).isEqualTo(java.nio.file.Files.size(
                Path.of(ItSettings.get("DATA_DIR"), "users", answer.getString("user_uuid"), "shopify", "shopify_data.json")));
        assertThat(SandboxAdmin.bulk(shop, "{}").getInt("runQueries")).as("one bulk query per part").isEqualTo(5);
        assertThat(log()).contains("Bulk operation gid://shopify/BulkOperation/", "of " + shop + " finished: completed");
        assertThat(Database.count("select count(*) from SHOPIFY_BULK_OPERATION where SHOP = ?", shop))
                .as("forgotten once the snapshot is written").isZero();
        JsonObject stats = SandboxAdmin.stats(shop);
        assertThat(stats.getInt("invalid")).as("invalid queries: " + stats.get("queries")).isZero();
        assertThat(stats.toString()).doesNotContain("CatalogProducts\"", "CatalogProductVariants");
    }

    @Test
    default void withoutTheFinishWebhookPollingCompletesTheSync() throws IOException {
        String shop = "bulk-unheard.myshopify.com";
        prepare(shop, "{\"objectsPerSecond\": 20000, \"startMillis\": 300, \"dropFinishNext\": 5}");

        JsonObject answer = connectLarge("bulk-unheard");

        assertThat(answer.getJsonObject("upload_status").getString("status")).as(answer.toString()).isEqualTo("success");
        assertThat(answer.getJsonObject("snapshot").getString("fetched")).isEqualTo("through bulk operations");
        assertThat(log()).doesNotContain("of " + shop + " finished: completed");
        assertThat(stored(answer).getJsonObject("data").getJsonObject("products").getJsonArray("edges")).hasSize(PRODUCTS);
    }

    @Test
    default void operationsThatKeepFailingAreRetriedThenPagedAndTheAnswerSaysSo() throws IOException {
        String shop = "bulk-stormy.myshopify.com";
        // The five first runs fail with partial data, then the reruns of products and collections.
        prepare(shop, "{\"objectsPerSecond\": 20000, \"startMillis\": 300, \"failNext\": 7, \"errorCode\": \"TIMEOUT\", \"partial\": true}");

        JsonObject answer = connectLarge("bulk-stormy");

        String message = answer.getJsonObject("upload_status").getString("message");
        assertThat(answer.getJsonObject("upload_status").getString("status")).as(message).isEqualTo("success");
        assertThat(message).contains("products (FAILED (TIMEOUT))", "collections (FAILED (TIMEOUT))", "fetched by paging");
        assertThat(SandboxAdmin.bulk(shop, "{}").getInt("runQueries")).isEqualTo(10);
        assertThat(stored(answer).getJsonObject("data").getJsonObject("products").getJsonArray("edges"))
                .as("complete, never the partial data").hasSize(PRODUCTS);
    }

    @Test
    default void aBrowserWaitingForALargeStoreIsToldItIsReadInBulkThenItCompletes() {
        String shop = "bulk-patient.myshopify.com";
        // About 2,300 product and variant lines and 2,500 codes at 600 a second: the result page's 3 s wait ends first.
        prepare(shop, "{\"objectsPerSecond\": 600, \"startMillis\": 300}");
        Browser browser = new Browser();
        URI callback = SandboxShopify.installUntilCallback(browser, "bulk-patient");

        HttpResponse<String> page = browser.get(callback.toString(), Browser.HTML);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Updating", "Its 300 products are read through Shopify");
        dev.salesbot.sync.testing.Await.await(() -> Database.count(
                        "select count(*) from SYNC_REQUEST where TARGET = ? and STATE = 'DONE' and OUTCOME = 'success'", shop) == 1,
                java.time.Duration.ofSeconds(60), "the bulk sync finishing after the page was answered");
    }

    /**
     * Issue 24: Shopify refuses the app's bulk queries (not enabled in the Partner Dashboard,
     * https://shopify.dev/changelog/partner-apps-must-enable-bulk-operations-before-use): a large
     * store is paged at once and stays healthy, the merchant sees it up to date, the operators see
     * what to do (summary, metrics); once the notice is due, bulk is tried again and it clears.
     */
    @Test
    default void whenShopifyRefusesTheAppsBulkQueriesALargeStoreIsPagedAndTheOperatorsAreTold() throws Exception {
        String shop = "bulk-unallowed.myshopify.com";
        prepare(shop, "{\"objectsPerSecond\": 20000, \"startMillis\": 300}");
        Browser browser = new Browser();
        try {
            refusedThenTriedAgain(shop, browser);
        } finally {
            // Other tests' large stores must be read in bulk again, whatever happened here.
            SandboxAdmin.app("{\"bulkQueries\": true}");
            Database.execute("delete from PLATFORM_NOTICE");
        }
    }

    private static void refusedThenTriedAgain(String shop, Browser browser) throws Exception {
        {
            assertThat(SandboxAdmin.app("{\"bulkQueries\": false}").getBoolean("bulkQueries")).isFalse();
            URI callback = SandboxShopify.installUntilCallback(browser, "bulk-unallowed");
            HttpResponse<String> response = browser.get(callback.toString(), Browser.JSON);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();

            assertThat(answer.getJsonObject("upload_status").getString("status")).as(answer.toString()).isEqualTo("success");
            assertThat(answer.getJsonObject("snapshot").getString("fetched")).isEqualTo("by paging (bulk queries are not enabled for this app)");
            assertThat(stored(answer).getJsonObject("data").getJsonObject("products").getJsonArray("edges")).hasSize(PRODUCTS);
            assertThat(SandboxAdmin.bulk(shop, "{}").getInt("runQueries")).as("none started").isZero();
            assertThat(AdminClient.connection(shop).getString("status")).isEqualTo("healthy");
            JsonObject mine = Json.createReader(new StringReader(browser.get("/connections/status", Browser.JSON).body())).readObject();
            assertThat(mine.getJsonArray("connections").getJsonObject(0).getString("state")).as("the merchant sees nothing wrong")
                    .isEqualTo("up_to_date");
            assertThat(mine.toString()).doesNotContain("Partner Dashboard", "not enabled");
            JsonObject notice = AdminClient.json(AdminClient.get("/admin/api/summary")).getJsonArray("notices").getJsonObject(0);
            assertThat(notice.getString("name")).isEqualTo("shopify-bulk-queries");
            assertThat(notice.getString("message")).contains("Partner Dashboard", "API access requests", "Allow bulk queries");
            assertThat(AdminClient.get("/admin/api/metrics").body())
                    .contains("salesbot_shopify_bulk_queries_enabled 0.0").containsPattern("salesbot_shopify_bulk_refused_total [1-9]");
            assertThat(log()).contains("Shopify refused the bulk queries of " + shop);
        }
        {
            SandboxAdmin.app("{\"bulkQueries\": true}");
            // After BULK_RETRY_MINUTES (here: made due at once) the next full sync tries bulk again.
            Database.execute("update PLATFORM_NOTICE set RETRY_AT = 0");
            HttpResponse<String> sync = AdminClient.call("POST", "/admin/api/connections/" + AdminClient.connection(shop).getString("id") + "/sync");
            assertThat(sync.statusCode()).as(sync.body()).isBetween(200, 202);
            dev.salesbot.sync.testing.Await.await(() -> Database.count("select count(*) from PLATFORM_NOTICE") == 0,
                    java.time.Duration.ofSeconds(60), "bulk tried again and the notice cleared");
            assertThat(SandboxAdmin.bulk(shop, "{}").getInt("runQueries")).isEqualTo(5);
            assertThat(AdminClient.get("/admin/api/metrics").body()).contains("salesbot_shopify_bulk_queries_enabled 1.0");
        }
    }

    private static void prepare(String shop, String knobs) {
        SandboxAdmin.seed(shop, PRODUCTS, 20000, 1000); // Plus rates: the paging fallback of one test takes seconds, not a minute
        SandboxAdmin.bulk(shop, knobs);
    }

    private static JsonObject connectLarge(String name) {
        Browser browser = new Browser();
        URI callback = SandboxShopify.installUntilCallback(browser, name);
        HttpResponse<String> response = browser.get(callback.toString(), Browser.JSON);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject stored(JsonObject answer) throws IOException {
        Path file = Path.of(ItSettings.get("DATA_DIR"), "users", answer.getString("user_uuid"), "shopify", "shopify_data.json");
        return Json.createReader(new StringReader(Files.readString(file))).readObject();
    }

    private static String log() throws IOException {
        return Files.readString(ItSettings.serverLog());
    }
}

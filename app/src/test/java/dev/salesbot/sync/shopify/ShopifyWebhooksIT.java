package dev.salesbot.sync.shopify;

import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.Deployments;
import dev.salesbot.sync.testing.ItExecution;
import dev.salesbot.sync.testing.ItLanes;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.SandboxAdmin;
import dev.salesbot.sync.testing.SandboxShopify;
import dev.salesbot.sync.testing.ShopifyWebhooks.Delivery;
import dev.salesbot.sync.testing.ShopifyWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.salesbot.sync.testing.Await.await;
import static dev.salesbot.sync.shopify.ShopifyConnectTests.assertProblem;
import static dev.salesbot.sync.shopify.ShopifyConnectTests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 end to end on local storage: registration at connect, the webhook endpoint's bad-input
 * table, partial syncs from the sandbox's real deliveries, uninstall and the privacy topics.
 * {@link ShopifyWebhooksS3Tests} counts the storage writes against S3. The connect flows'
 * tests ({@link ShopifyConnectTests}), the bulk tests ({@link BulkSyncTests}), the launches from the
 * Shopify admin ({@link ShopifyLaunchTests}) and the platform versions' ({@link dev.salesbot.sync.PlatformVersionsTests})
 * run in this server too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ItExecution(ItExecution.LOCAL_STORAGE)
@ResourceLock(ItLanes.ARQUILLIAN)
class ShopifyWebhooksIT implements ShopifyConnectTests, BulkSyncTests, ShopifyLaunchTests, dev.salesbot.sync.PlatformVersionsTests {

    /** What the app subscribes every store to (issue 9). */
    static final Set<String> WANTED = Set.of("PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE", "INVENTORY_LEVELS_UPDATE",
            "COLLECTIONS_CREATE", "COLLECTIONS_UPDATE", "COLLECTIONS_DELETE", "DISCOUNTS_CREATE", "DISCOUNTS_UPDATE",
            "DISCOUNTS_DELETE", "DISCOUNTS_REDEEMCODE_ADDED", "DISCOUNTS_REDEEMCODE_REMOVED", "SHOP_UPDATE", "APP_UNINSTALLED", "BULK_OPERATIONS_FINISH");
    static final Duration SETTLED = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.shipped();
    }

    @Test
    void registersExactlyTheWantedSubscriptionsAndAReconnectCreatesNone() throws IOException {
        String shop = "hooked-outfitters.myshopify.com";
        JsonObject first = connect(new Browser(), "hooked-outfitters");

        Map<String, String> subscribed = subscriptions(shop);
        assertThat(subscribed.keySet()).containsExactlyInAnyOrderElementsOf(WANTED);
        assertThat(ShopifyWebhooks.subscriptions(shop)).allSatisfy(s -> {
            assertThat(s.asJsonObject().getString("uri")).isEqualTo(ItSettings.get("SHOPIFY_WEBHOOK_ADDRESS"));
            assertThat(s.asJsonObject().getString("format")).isEqualTo("JSON");
        });
        assertThat(Files.readString(ItSettings.serverLog()))
                .contains("Webhook registered for " + shop + ": products/update", "Webhook registered for " + shop + ": app/uninstalled");
        assertThat(first.getJsonObject("webhook_test")).isEqualTo(Json.createObjectBuilder().add("status", "success").build());
        assertThat(changeRequests(shop)).as("the test delivery starts no sync").isZero();

        connect(new Browser(), "hooked-outfitters");
        assertThat(subscriptions(shop)).as("a reconnect creates none and deletes none").isEqualTo(subscribed);

        // Shopify removed one (as after failed deliveries): the next connect puts back exactly that one.
        ShopifyWebhooks.dropSubscriptions(shop, "PRODUCTS_UPDATE");
        connect(new Browser(), "hooked-outfitters");
        Map<String, String> again = subscriptions(shop);
        assertThat(again.keySet()).containsExactlyInAnyOrderElementsOf(WANTED);
        assertThat(again.get("PRODUCTS_UPDATE")).isNotEqualTo(subscribed.get("PRODUCTS_UPDATE"));
        again.remove("PRODUCTS_UPDATE");
        subscribed.remove("PRODUCTS_UPDATE");
        assertThat(again).isEqualTo(subscribed);
        assertEverySentQueryWasValid(shop);
    }

    @Test
    void showsTheWebhookTestOnTheConnectedPage() {
        Browser browser = new Browser();
        URI callback = SandboxShopify.installUntilCallback(browser, "page-hooks");
        HttpResponse<String> page = browser.get(callback.toString(), Browser.HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"webhook-test\" class=\"ok\"", "<code>webhook_test</code>: <strong>success</strong>");
    }

    @Test
    void anEditOnTheSandboxAdminPageReachesTheStoredSnapshotWithinSeconds() throws Exception {
        String shop = "fresh-tees.myshopify.com";
        JsonObject answer = connect(new Browser(), "fresh-tees");
        Path snapshot = snapshotOf(answer);
        String product = firstActiveProduct(Files.readString(snapshot)); // the digest holds active products only
        long number = Long.parseLong(product.substring(product.lastIndexOf('/') + 1));

        Browser merchant = new Browser();
        String list = "sandbox/shopify/" + shop + "/admin/products";
        HttpResponse<String> page = merchant.get(list, Browser.HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"products/" + number + "\"");
        HttpResponse<String> saved = merchant.postForm(Browser.resolve(list).resolve("products/" + number).toString(),
                Map.of("title", "Fresh Tee, Renamed", "price", "41.50"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);

        await(() -> read(snapshot).contains("Fresh Tee, Renamed"), Duration.ofSeconds(15), "the snapshot shows the rename");
        JsonObject node = productNode(read(snapshot), product);
        assertThat(node.getString("title")).isEqualTo("Fresh Tee, Renamed");
        assertThat(node.getJsonObject("variants").getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("price"))
                .isEqualTo("41.50");
        await(() -> read(snapshot.resolveSibling("preprocessed_data.json")).contains("Fresh Tee, Renamed"), Duration.ofSeconds(5),
                "the digest, written after the snapshot, shows it too");
        await(() -> log().contains("Updated data in the local store for " + shop + " via products/update"),
                Duration.ofSeconds(5), "the seed's log line");
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'SHOPIFY_CHANGES' and STATE = 'DONE'", shop))
                .isEqualTo(1);
        assertEverySentQueryWasValid(shop);
    }

    @Test
    void stockDeletesAndDuplicatedDeliveriesArePatchedFromCurrentState() throws Exception {
        String shop = "stocked-shelves.myshopify.com";
        JsonObject answer = connect(new Browser(), "stocked-shelves");
        Path snapshot = snapshotOf(answer);
        String stored = Files.readString(snapshot);
        List<String> products = productIds(stored);
        String kept = products.get(0);
        String removed = products.get(1);
        String variant = productNode(stored, kept).getJsonObject("variants").getJsonArray("edges").getJsonObject(0)
                .getJsonObject("node").getString("id");
        ShopifyWebhooks.duplicateDeliveries(shop, true);
        try {
            ShopifyWebhooks.stock(shop, variant, 731);
            ShopifyWebhooks.deleteProduct(shop, removed);
            await(() -> !read(snapshot).contains("\"" + removed + "\"") && read(snapshot).contains("\"inventoryQuantity\":731"),
                    SETTLED, "stock and delete patched in");
        } finally {
            ShopifyWebhooks.duplicateDeliveries(shop, false);
        }
        JsonObject deliveries = ShopifyWebhooks.deliveries(shop);
        assertThat(deliveries.getJsonObject("delivered").getInt("inventory_levels/update")).as("sent twice").isEqualTo(2);
        assertThat(deliveries.getJsonObject("delivered").getInt("products/delete")).isEqualTo(2);
        assertThat(Database.count("select count(*) from WEBHOOK_DELIVERY where SOURCE = ?", shop)).as("one row per webhook id").isEqualTo(2);
        assertThat(productIds(read(snapshot))).hasSize(products.size() - 1).contains(kept).doesNotContain(removed);
        assertThat(productNode(read(snapshot), kept).getJsonObject("variants").getJsonArray("edges").getJsonObject(0)
                .getJsonObject("node").getInt("inventoryQuantity")).isEqualTo(731);
        assertEverySentQueryWasValid(shop);
    }

    /** Issue 9's bad-input table: each defect, its answer, and nothing recorded or fetched. */
    @Test
    void answersEveryBadDeliveryAsShopifyExpectsAndDoesNothingForIt() throws Exception {
        String shop = "guarded-goods.myshopify.com";
        JsonObject answer = connect(new Browser(), "guarded-goods");
        String product = firstProduct(Files.readString(snapshotOf(answer)));
        String body = ShopifyWebhooks.productUpdate(product, "Forged Title");
        Delivery valid = Delivery.signed("products/update", shop, body);
        int requestsBefore = SandboxAdmin.stats(shop).getInt("requests");
        long syncsBefore = Database.count("select count(*) from SYNC_REQUEST");
        String unknownShop = "never-installed.myshopify.com";

        Map<String, Case> table = new LinkedHashMap<>();
        table.put("missing HMAC", new Case(valid.withHmac(null), 401, "invalid-signature"));
        table.put("forged HMAC", new Case(valid.withHmac(Base64.getEncoder().encodeToString(new byte[32])), 401, "invalid-signature"));
        table.put("HMAC of another secret", new Case(valid.withHmac(ShopifyWebhooks.sign("another-apps-secret", valid.body())), 401, "invalid-signature"));
        table.put("HMAC of the body with a byte changed", new Case(new Delivery("products/update", shop, UUID.randomUUID().toString(),
                body.replace("Forged", "ForgeD").getBytes(StandardCharsets.UTF_8), valid.hmac()), 401, "invalid-signature"));
        table.put("1 MiB + 1 body", new Case(Delivery.signed("products/update", shop, padded(body, 1024 * 1024 + 1)), 413, "payload-too-large"));
        table.put("invalid JSON, valid HMAC", new Case(Delivery.signed("products/update", shop, "{\"id\": 1,"), 400, "invalid-json"));
        table.put("hostile shop header", new Case(Delivery.signed("products/update", "evil.example/..%2fguarded-goods.myshopify.com", body), 400, null));
        table.put("missing shop header", new Case(valid.withShop(null).withWebhookId(UUID.randomUUID().toString()), 400, "missing-header"));
        table.put("unknown shop", new Case(Delivery.signed("products/update", unknownShop, body), 200, "dropped"));

        for (Map.Entry<String, Case> row : table.entrySet()) {
            HttpResponse<String> response = ShopifyWebhooks.send(row.getValue().delivery());
            assertThat(response.statusCode()).as(row.getKey() + ": " + response.body()).isEqualTo(row.getValue().status());
            if (row.getValue().status() == 200) {
                assertThat(json(response).getString("status")).as(row.getKey()).isEqualTo(row.getValue().slug());
            } else {
                assertProblem(response);
                if (row.getValue().slug() != null) {
                    assertThat(json(response).getString("type")).as(row.getKey()).endsWith("/problems/" + row.getValue().slug());
                }
                assertThat(Database.count("select count(*) from WEBHOOK_DELIVERY where ID = ?", "shopify:" + row.getValue().delivery().webhookId()))
                        .as(row.getKey() + ": nothing recorded").isZero();
            }
        }

        Thread.sleep(Duration.ofSeconds(4).toMillis()); // past the quiet window: any work wrongly recorded would have run
        assertThat(Database.count("select count(*) from SYNC_REQUEST")).as("no sync recorded").isEqualTo(syncsBefore);
        assertThat(SandboxAdmin.stats(shop).getInt("requests")).as("nothing fetched").isEqualTo(requestsBefore);
        assertThat(Files.readString(snapshotOf(answer))).doesNotContain("Forged Title");
        String log = log();
        assertThat(log).contains("A signed products/update webhook from " + shop + " is not a JSON object; refused, nothing recorded",
                "Dropped a products/update webhook from " + unknownShop + ": the store is not connected");
    }

    @Test
    void aRepeatedWebhookIdIsAnswered200AndDoesNothing() throws Exception {
        String shop = "twice-told.myshopify.com";
        JsonObject answer = connect(new Browser(), "twice-told");
        Delivery delivery = Delivery.signed("products/update", shop,
                ShopifyWebhooks.productUpdate(firstProduct(Files.readString(snapshotOf(answer))), "Told Twice"));

        HttpResponse<String> first = ShopifyWebhooks.send(delivery);
        HttpResponse<String> again = ShopifyWebhooks.send(delivery);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).getString("status")).isEqualTo("recorded");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).getString("status")).isEqualTo("duplicate");
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'SHOPIFY_CHANGES'", shop)).isEqualTo(1);
        Map<String, Object> row = Database.row("select PLATFORM, SOURCE, TOPIC, RECEIVED_AT from WEBHOOK_DELIVERY where ID = ?",
                "shopify:" + delivery.webhookId());
        assertThat(row).containsEntry("PLATFORM", "shopify").containsEntry("SOURCE", shop).containsEntry("TOPIC", "products/update");
    }

    @Test
    void acceptsTheFormerSecretWhileTheSecretIsRotated() throws Exception {
        String shop = "rotating-keys.myshopify.com";
        JsonObject answer = connect(new Browser(), "rotating-keys");
        String body = ShopifyWebhooks.productUpdate(firstProduct(Files.readString(snapshotOf(answer))), "Rotated");
        Delivery previous = Delivery.signed("products/update", shop, body)
                .withHmac(ShopifyWebhooks.sign(ItSettings.get("SHOPIFY_API_SECRET_PREVIOUS"), body.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = ShopifyWebhooks.send(previous);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).getString("status")).isEqualTo("recorded");
        await(() -> Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'SHOPIFY_CHANGES' and STATE = 'DONE'", shop) == 1,
                SETTLED, "the change was synced");
    }

    @Test
    void uninstallDeletesTheTokensAtOnceAndAReinstallStartsAfreshWithTheSameMerchant() throws Exception {
        String shop = "leaving-lodge.myshopify.com";
        JsonObject first = connect(new Browser(), "leaving-lodge");
        String product = firstProduct(Files.readString(snapshotOf(first)));
        // A change still in its quiet window when the store uninstalls: it must not run.
        ShopifyWebhooks.editProduct(shop, product, "Last Edit Before Leaving", null, true);
        ShopifyWebhooks.uninstall(shop);

        await(() -> "UNINSTALLED".equals(connection(shop).get("STATUS")), Duration.ofSeconds(10), "the connection is marked uninstalled");
        Map<String, Object> row = connection(shop);
        assertThat(row.get("ACCESS_TOKEN_SEALED")).as("access token deleted").isNull();
        assertThat(row.get("REFRESH_TOKEN_SEALED")).as("refresh token deleted").isNull();
        assertThat(log()).contains("App uninstalled from " + shop + ": its tokens are deleted");
        Thread.sleep(Duration.ofSeconds(4).toMillis());
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and STATE = 'PENDING'", shop)).isZero();
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'SHOPIFY_CHANGES' and STATE = 'DONE'", shop))
                .as("the change after the uninstall was not synced").isZero();
        assertThat(Files.readString(snapshotOf(first))).doesNotContain("Last Edit Before Leaving");

        HttpResponse<String> late = ShopifyWebhooks.send(Delivery.signed("products/update", shop, ShopifyWebhooks.productUpdate(product, "Late")));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(json(late).getString("status")).isEqualTo("dropped");

        int tokensBefore = SandboxShopify.issuedTokens(shop).size();
        JsonObject again = connect(new Browser(), "leaving-lodge");
        assertThat(again.getString("user_uuid")).as("the same merchant").isEqualTo(first.getString("user_uuid"));
        assertThat(again.getJsonObject("upload_status").getString("status")).isIn("success", "unchanged");
        assertThat(connection(shop)).containsEntry("STATUS", "ACTIVE");
        assertThat(connection(shop).get("ACCESS_TOKEN_SEALED")).isNotNull();
        assertThat(SandboxShopify.issuedTokens(shop)).as("a new token").hasSize(tokensBefore + 1);
        assertThat(subscriptions(shop).keySet()).containsExactlyInAnyOrderElementsOf(WANTED);
        assertThat(Files.readString(snapshotOf(again))).as("the reinstall's full sync read the store").contains("Last Edit Before Leaving");
    }

    @Test
    void shopRedactDeletesTheStoresObjectsAndItsConnection() throws Exception {
        String shop = "forgotten-firm.myshopify.com";
        JsonObject answer = connect(new Browser(), "forgotten-firm");
        Path snapshot = snapshotOf(answer);
        assertThat(snapshot).exists();
        ShopifyWebhooks.uninstall(shop);
        await(() -> "UNINSTALLED".equals(connection(shop).get("STATUS")), Duration.ofSeconds(10), "uninstalled");

        ShopifyWebhooks.privacyRequest(shop, "shop-redact");

        await(() -> Database.connectionsOf(shop) == 0 && !Files.exists(snapshot), SETTLED, "the store's data is erased");
        assertThat(snapshot.resolveSibling("preprocessed_data.json")).doesNotExist();
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'SHOPIFY_REDACT' and STATE = 'DONE'", shop))
                .isEqualTo(1);
    }

    /**
     * Deliveries about an earlier installation change nothing: a retried {@code app/uninstalled}
     * triggered before the reinstall, a {@code shop/redact} for a store installed again. A lifecycle
     * body naming another shop than the header is refused. A current uninstall still applies.
     */
    @Test
    void deliveriesAboutAnEarlierInstallationChangeNothing() throws Exception {
        String shop = "returning-roaster.myshopify.com";
        connect(new Browser(), "returning-roaster");
        ShopifyWebhooks.uninstall(shop);
        await(() -> "UNINSTALLED".equals(connection(shop).get("STATUS")), Duration.ofSeconds(10), "uninstalled");
        String uninstalledAt = Instant.now().toString();
        JsonObject again = connect(new Browser(), "returning-roaster");
        assertThat(connection(shop)).containsEntry("STATUS", "ACTIVE");
        String uninstall = "{\"id\":1,\"myshopify_domain\":\"" + shop + "\"}";

        // Its first attempts failed; Shopify's retry arrives after the merchant installed the app again.
        HttpResponse<String> late = ShopifyWebhooks.send(Delivery.signed("app/uninstalled", shop, uninstall).triggeredAt(uninstalledAt));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        assertThat(json(late).getString("status")).isEqualTo("stale");
        assertThat(connection(shop)).containsEntry("STATUS", "ACTIVE");
        assertThat(connection(shop).get("ACCESS_TOKEN_SEALED")).as("the new token kept").isNotNull();

        HttpResponse<String> redact = ShopifyWebhooks.send(Delivery.signed("shop/redact", shop,
                "{\"shop_id\":1,\"shop_domain\":\"" + shop + "\"}").triggeredAt(Instant.now().toString()));
        assertThat(redact.statusCode()).as(redact.body()).isEqualTo(200);
        assertThat(json(redact).getString("status")).isEqualTo("stale");
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'SHOPIFY_REDACT'", shop)).isZero();

        Delivery foreign = Delivery.signed("app/uninstalled", shop, "{\"id\":1,\"myshopify_domain\":\"other-roaster.myshopify.com\"}")
                .triggeredAt(Instant.now().toString());
        HttpResponse<String> refused = ShopifyWebhooks.send(foreign);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertProblem(refused);
        assertThat(json(refused).getString("type")).endsWith("/problems/shop-mismatch");
        assertThat(Database.count("select count(*) from WEBHOOK_DELIVERY where ID = ?", "shopify:" + foreign.webhookId())).isZero();
        HttpResponse<String> badTime = ShopifyWebhooks.send(Delivery.signed("app/uninstalled", shop, uninstall).triggeredAt("yesterday"));
        assertThat(badTime.statusCode()).as(badTime.body()).isEqualTo(400);
        assertThat(json(badTime).getString("type")).endsWith("/problems/invalid-header");
        assertThat(connection(shop)).containsEntry("STATUS", "ACTIVE");
        assertThat(snapshotOf(again)).exists();
        assertThat(log()).contains("Ignored an app/uninstalled webhook from " + shop + " triggered at " + uninstalledAt,
                "Ignored a shop/redact webhook for " + shop + ": the app is installed on the store now (ACTIVE); nothing deleted");

        HttpResponse<String> now = ShopifyWebhooks.send(Delivery.signed("app/uninstalled", shop, uninstall).triggeredAt(Instant.now().toString()));
        assertThat(json(now).getString("status")).isEqualTo("recorded");
        assertThat(connection(shop)).containsEntry("STATUS", "UNINSTALLED");
    }

    @Test
    void answersTheCustomerPrivacyTopicsAndLogsTheRequest() throws Exception {
        String shop = "private-parts.myshopify.com";
        connect(new Browser(), "private-parts");
        ShopifyWebhooks.resetDeliveries(shop);
        ShopifyWebhooks.privacyRequest(shop, "customers-data-request");
        ShopifyWebhooks.privacyRequest(shop, "customers-redact");

        await(() -> {
            JsonObject delivered = ShopifyWebhooks.deliveries(shop).getJsonObject("delivered");
            return delivered.containsKey("customers/data_request") && delivered.containsKey("customers/redact");
        }, Duration.ofSeconds(10), "both answered 2xx");
        assertThat(ShopifyWebhooks.deliveries(shop).getInt("failures")).isZero();
        await(() -> log().contains("Privacy request customers/data_request for " + shop + " (request 9901): this app holds no customer data"),
                Duration.ofSeconds(5), "the request id logged");
        assertThat(log()).contains("Privacy request customers/redact for " + shop + " (request customer 7001)");
    }

    private record Case(Delivery delivery, int status, String slug) {
    }

    /** {@code json} grown with a padding field to exactly {@code size} bytes. */
    private static String padded(String json, int size) {
        String head = json.substring(0, json.length() - 1) + ",\"pad\":\"";
        char[] pad = new char[size - head.length() - 2];
        Arrays.fill(pad, 'x');
        String padded = head + new String(pad) + "\"}";
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        return padded;
    }

    private static JsonObject connect(Browser browser, String shop) {
        URI callback = SandboxShopify.installUntilCallback(browser, shop);
        HttpResponse<String> response = browser.get(callback.toString(), Browser.JSON);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** topic → subscription id. */
    private static Map<String, String> subscriptions(String shop) {
        return ShopifyWebhooks.subscriptions(shop).stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(s -> s.getString("topic"), s -> s.getString("id"), (a, b) -> {
                    throw new AssertionError("two subscriptions to one topic: " + a + ", " + b);
                }, LinkedHashMap::new));
    }

    private static long changeRequests(String shop) {
        return Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and KIND = 'SHOPIFY_CHANGES'", shop);
    }

    private static Map<String, Object> connection(String shop) {
        return Database.row("select STATUS, ACCESS_TOKEN_SEALED, REFRESH_TOKEN_SEALED from SHOPIFY_CONNECTION where SHOP = ?", shop);
    }

    static Path snapshotOf(JsonObject answer) {
        return Path.of(ItSettings.get("DATA_DIR"), "users", answer.getString("user_uuid"), "shopify", "shopify_data.json");
    }

    static String firstProduct(String snapshot) {
        return productIds(snapshot).get(0);
    }

    static String firstActiveProduct(String snapshot) {
        return Json.createReader(new StringReader(snapshot)).readObject().getJsonObject("data").getJsonObject("products")
                .getJsonArray("edges").stream().map(e -> e.asJsonObject().getJsonObject("node"))
                .filter(n -> "ACTIVE".equals(n.getString("status"))).map(n -> n.getString("id")).findFirst().orElseThrow();
    }

    static List<String> productIds(String snapshot) {
        return Json.createReader(new StringReader(snapshot)).readObject().getJsonObject("data").getJsonObject("products")
                .getJsonArray("edges").stream().map(e -> e.asJsonObject().getJsonObject("node").getString("id")).toList();
    }

    static JsonObject productNode(String snapshot, String id) {
        return Json.createReader(new StringReader(snapshot)).readObject().getJsonObject("data").getJsonObject("products")
                .getJsonArray("edges").stream().map(e -> e.asJsonObject().getJsonObject("node"))
                .filter(n -> n.getString("id").equals(id)).findFirst().orElseThrow(() -> new AssertionError("no product " + id));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return ""; // being replaced this instant: read again
        }
    }

    private static String log() {
        return read(ItSettings.serverLog());
    }

    private static void assertEverySentQueryWasValid(String shop) {
        JsonObject stats = SandboxAdmin.stats(shop);
        assertThat(stats.getInt("invalid")).as("invalid queries: " + stats.get("queries")).isZero();
        assertThat(stats.getInt("accessDenied")).isZero();
        assertThat(stats.getJsonArray("deprecated")).as("deprecated fields selected").isEmpty();
    }
}

package dev.salesbot.sync.poll;

import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.PollNowTool;
import dev.salesbot.sync.testing.S3ProxyServer;
import dev.salesbot.sync.testing.SandboxShopify;
import dev.salesbot.sync.testing.ShopifyWebhooks;
import dev.salesbot.sync.testing.SpacesStandIn;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static dev.salesbot.sync.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily poll's reconcile, through "poll now" run as the README says ({@code java
 * tools/PollNow.java}), on Spaces (S3Proxy) so that every HEAD, GET and PUT is counted: what the
 * webhooks missed is found and written once, an unchanged store costs one HEAD and
 * nothing else, a removed subscription comes back, and a revoked token ends in "needs reconnect"
 * without retries.
 *
 * <p>Run in {@link dev.salesbot.sync.SpacesS3IT}'s server, with the other S3 tests.
 */
public interface PollS3Tests {

    static final Duration SETTLED = Duration.ofSeconds(60);

    @Test
    default void pollNowFindsASilentDeleteAndChangeAndWritesBothInOnePut() throws IOException {
        JsonObject connected = connect("poll-drift");
        assertThat(connected.getJsonObject("polling_test").getString("status")).as(connected.toString()).isEqualTo("success");
        assertThat(connected.getJsonObject("polling_test").getInt("products_count")).isPositive();
        String shop = "poll-drift.myshopify.com";
        String key = snapshotKey(connected);
        List<String> products = productIds(shop);
        ShopifyWebhooks.deleteProductSilently(shop, products.get(0));
        ShopifyWebhooks.editProduct(shop, products.get(1), "Polled Splitboard", null, false);
        int puts = server().putsOf(key);
        long polls = polled(shop);
        pollOnly(shop, false);

        assertThat(PollNowTool.run()).as("every active connection: this store alone").isEqualTo(1);

        await(() -> polled(shop) == polls + 1, SETTLED, "the poll's sync of " + shop);
        assertThat(server().putsOf(key)).as("one PUT with both changes").isEqualTo(puts + 1);
        String stored = object(key);
        assertThat(stored).contains("Polled Splitboard").doesNotContain(products.get(0) + "\"");
        assertThat(log()).contains("Polled and uploaded data for " + shop + ": Success")
                .contains("Polling test result for " + shop + ": {'status': 'success'}");
    }

    @Test
    default void anUnchangedStoreCostsOneHeadAndNoGetOrPut() {
        JsonObject connected = connect("poll-steady");
        String shop = "poll-steady.myshopify.com";
        String key = snapshotKey(connected);
        String digest = key.replace("shopify_data", "preprocessed_data");
        int[] before = {server().headsOf(key), server().getsOf(key), server().putsOf(key),
                server().headsOf(digest), server().getsOf(digest), server().putsOf(digest)};
        long polls = polled(shop);
        pollOnly(shop, false);

        PollNowTool.run();

        await(() -> polled(shop) == polls + 1, SETTLED, "the poll's sync of " + shop);
        assertThat(new int[]{server().headsOf(key), server().getsOf(key), server().putsOf(key),
                server().headsOf(digest), server().getsOf(digest), server().putsOf(digest)})
                .as("HEAD, GET, PUT of the snapshot, then of the digest: the snapshot's HEAD vouches for both")
                .containsExactly(before[0] + 1, before[1], before[2], before[3], before[4], before[5]);
        assertThat(log()).contains("Polled data for shop " + shop + ": Success");
    }

    @Test
    default void aSubscriptionShopifyRemovedIsCreatedAgainByThePoll() {
        connect("poll-lost-hook");
        String shop = "poll-lost-hook.myshopify.com";
        ShopifyWebhooks.dropSubscriptions(shop, "PRODUCTS_UPDATE");
        assertThat(topics(shop)).hasSize(14).doesNotContain("PRODUCTS_UPDATE");
        long polls = polled(shop);
        pollOnly(shop, false);

        PollNowTool.run();

        await(() -> polled(shop) == polls + 1, SETTLED, "the poll's sync of " + shop);
        assertThat(topics(shop)).hasSize(15).contains("PRODUCTS_UPDATE");
        String registered = "Webhook registered for " + shop + ": products/update";
        assertThat(log().split(java.util.regex.Pattern.quote(registered), -1)).as("at connect, then by the poll").hasSize(3);
    }

    @Test
    default void aRevokedTokenEndsInNeedsReconnectAndIsNotPolledAgain() {
        connect("poll-revoked");
        String shop = "poll-revoked.myshopify.com";
        SandboxShopify.revokeTokens(shop);
        long polls = polled(shop);
        pollOnly(shop, false);

        PollNowTool.run();

        await(() -> polled(shop) == polls + 1, SETTLED, "the poll's sync of " + shop);
        assertThat(Database.row("select STATUS from SHOPIFY_CONNECTION where SHOP = ?", shop).get("STATUS"))
                .isEqualTo("NEEDS_RECONNECT");
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and PAYLOAD = 'poll' and STATE = 'ABANDONED'"
                + " and ATTEMPTS = 0", shop)).as("ended at once, not retried").isEqualTo(1);
        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and STATE = 'PENDING'", shop)).isZero();

        assertThat(PollNowTool.run()).as("nothing active is left").isZero();

        assertThat(Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and PAYLOAD = 'poll'", shop))
                .as("a store needing a reconnect is not polled").isEqualTo(polls + 1);
    }

    @Test
    default void aPagesPollReadsItAndPutsBackASubscriptionItsAdminRemoved() {
        dev.salesbot.sync.testing.SandboxFacebook.reset();
        Browser browser = new Browser();
        dev.salesbot.sync.facebook.FacebookWebhooksIT.connectStore(browser, "poll-pages");
        dev.salesbot.sync.facebook.FacebookWebhooksIT.connectPages(browser);
        String page = dev.salesbot.sync.facebook.FacebookWebhooksIT.PAGES.get(2);
        dev.salesbot.sync.testing.SandboxFacebook.removeAppFromPage(page);
        assertThat(pageSubscription(page)).isNull();
        long polls = polled(page);
        pollOnly("", true);

        PollNowTool.run();

        await(() -> polled(page) == polls + 1, SETTLED, "the poll's sync of Page " + page);
        assertThat(pageSubscription(page)).as("subscribed_apps of " + page).isNotNull();
        assertThat(log()).contains("Polled data for page " + page + ": Success")
                .contains("Webhook subscription for page " + page + " was missing and is re-created");
    }

    private static jakarta.json.JsonValue pageSubscription(String page) {
        return dev.salesbot.sync.testing.SandboxFacebook.stats().getJsonObject("subscriptions").get(page);
    }

    /**
     * Poll now polls every active connection in the database, and the S3 tests share one: the
     * stores other tests left (1,000-product ones among them, half a minute each at Shopify's pace)
     * would be read again at each poll now here. All but the one under test are taken out of the
     * poll, as a store needing a reconnect is; {@code pages} says whether the Pages stay in.
     */
    private static void pollOnly(String shop, boolean pages) {
        Database.execute("update SHOPIFY_CONNECTION set STATUS = 'NEEDS_RECONNECT', STATUS_REASON = 'left by another test'"
                + " where SHOP <> ? and STATUS = 'ACTIVE'", shop);
        if (!pages) {
            Database.execute("update FACEBOOK_PAGE_CONNECTION set STATUS = 'NEEDS_RECONNECT', STATUS_REASON = 'left by another test'"
                    + " where STATUS = 'ACTIVE'");
        }
    }

    /** Poll syncs of {@code shop} that ended (done or abandoned). */
    private static long polled(String shop) {
        return Database.count("select count(*) from SYNC_REQUEST where TARGET = ? and PAYLOAD = 'poll' and STATE <> 'PENDING'", shop);
    }

    private static JsonObject connect(String name) {
        Browser browser = new Browser();
        URI callback = SandboxShopify.installUntilCallback(browser, name);
        HttpResponse<String> response = browser.get(callback.toString(), Browser.JSON);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(answer.getJsonObject("upload_status").getString("status")).as(answer.toString()).isEqualTo("success");
        return answer;
    }

    private static List<String> productIds(String shop) {
        HttpResponse<String> response = new Browser().get("/sandbox/shopify/_control/shops/" + shop + "/products", Browser.JSON);
        return Json.createReader(new StringReader(response.body())).readArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    private static List<String> topics(String shop) {
        return ShopifyWebhooks.subscriptions(shop).getValuesAs(JsonObject.class).stream().map(s -> s.getString("topic")).toList();
    }

    private static String snapshotKey(JsonObject answer) {
        return "users/" + answer.getString("user_uuid") + "/shopify/shopify_data.json";
    }

    private static String object(String key) {
        try (S3Client s3 = server().newClient()) {
            return new String(s3.getObjectAsBytes(b -> b.bucket(server().bucket()).key(key)).asByteArray(), StandardCharsets.UTF_8);
        }
    }

    private static String log() {
        try {
            return Files.readString(ItSettings.serverLog());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static S3ProxyServer server() {
        return SpacesStandIn.server();
    }
}

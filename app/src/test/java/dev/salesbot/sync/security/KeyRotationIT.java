package dev.salesbot.sync.security;

import dev.salesbot.sync.security.control.TokenCipher;
import dev.salesbot.sync.testing.AdminClient;
import dev.salesbot.sync.testing.Await;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.Dirs;
import dev.salesbot.sync.testing.ItExecution;
import dev.salesbot.sync.testing.ItLanes;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.MicroProcess;
import dev.salesbot.sync.testing.SandboxFacebook;
import dev.salesbot.sync.testing.SandboxShopify;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: {@code TOKEN_ENCRYPTION_KEY} rotates, and a wrong key never disconnects a merchant. One
 * store and three Pages are connected under key K1; then the product restarts three times on the
 * same database (the platforms, in a process of their own, outlive it, as Shopify and Meta do):
 * <ol>
 * <li>K2 current, K1 previous — the old values open and are sealed again under K2 until the
 * dashboard counts none under an older key; one Page's value, sealed under a key no server has,
 * is unreadable: readiness DOWN, that Page's sync postponed with the reason, still active;</li>
 * <li>a wrong key only — the server refuses to become ready and touches no connection;</li>
 * <li>K2 current and the stray key previous, K1 dropped — everything opens again, the stray value
 * is sealed again under K2, readiness UP, every connection polls healthy: nobody reconnected.</li>
 * </ol>
 */
@ItExecution(ItExecution.LOCAL_STORAGE)
@ResourceLock(ItLanes.OWN_SERVERS)
class KeyRotationIT {

    static final String SHOP = "key-rotation-goods";
    static final String SHOP_DOMAIN = SHOP + ".myshopify.com";
    static final String K1 = "MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=";
    static final String K2 = "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=";
    static final String STRAY = "U1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1NTU1M=";
    static final String WRONG = "V1dXV1dXV1dXV1dXV1dXV1dXV1dXV1dXV1dXV1dXV1c=";
    static final Duration WITHIN = Duration.ofSeconds(60);

    private Path work;
    private Path database;

    @BeforeEach
    void emptyWorkDirectory() throws IOException {
        work = ItSettings.itDir().resolveSibling("it-keys");
        database = work.resolve("db/salesbot");
        Dirs.deleteTree(work);
        Files.createDirectories(work);
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void keysRotateUnderConnectionsAndAWrongKeyDisconnectsNobody() throws Exception {
        try (MicroProcess platform = startPlatform()) {
            String merchant;
            List<String> pages;
            try (MicroProcess k1 = start("k1", platform, Map.of("TOKEN_ENCRYPTION_KEY", K1))) {
                Browser browser = new Browser(k1.base());
                HttpResponse<String> store = browser.get(SandboxShopify.installUntilCallback(browser, SHOP).toString(), Browser.JSON);
                assertThat(store.statusCode()).as(store.body()).isEqualTo(200);
                merchant = json(store.body()).getString("user_uuid");
                HttpResponse<String> connected = browser.get(SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.allowAll())
                        .toString(), Browser.JSON);
                assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
                pages = json(connected.body()).getJsonObject("pages").getJsonArray("data").getValuesAs(JsonObject.class).stream()
                        .map(p -> p.getString("id")).toList();
            }
            assertThat(pages).hasSize(3);
            String stray = pages.get(0);
            // One Page's value as if sealed under a key the next server does not have (an old key dropped too soon).
            String token = new TokenCipher(Optional.of(K1)).decrypt(pageToken(stray), "facebook:page:" + stray);
            Database.execute(database, "update FACEBOOK_PAGE_CONNECTION set PAGE_TOKEN_SEALED = ? where PAGE_ID = ?",
                    new TokenCipher(Optional.of(STRAY)).encrypt(token, "facebook:page:" + stray), stray);

            try (MicroProcess k2 = start("k2-rotating", platform, Map.of("TOKEN_ENCRYPTION_KEY", K2, "TOKEN_ENCRYPTION_KEY_PREVIOUS", K1))) {
                await(() -> tokens(k2).getInt("older_keys") == 0, "every value sealed again under K2", k2);
                assertThat(tokens(k2).getInt("current_key")).as("the store's two tokens and two Pages'").isEqualTo(4);
                assertThat(tokens(k2).getInt("unreadable")).as("the stray Page's").isEqualTo(1);
                assertThat(readiness(k2)).contains("\"tokens\"").contains("\"unreadable\":\"1\"");
                assertThat(sealedValues()).allMatch(v -> v.startsWith("v2:"));

                Instant polled = Instant.now();
                assertThat(admin(k2, "POST", "/admin/api/poll").statusCode()).isEqualTo(202);
                for (String target : List.of(SHOP_DOMAIN, pages.get(1), pages.get(2))) {
                    await(() -> syncedSince(connection(k2, target), polled), target + " synced under K2", k2);
                }
                await(() -> connection(k2, stray).getString("last_error", "").contains("stored token unreadable: check TOKEN_ENCRYPTION_KEY"),
                        "the stray Page's sync postponed with the reason", k2);
                assertThat(connection(k2, stray).getString("status")).as("not a reconnect").isIn("healthy", "delayed", "failing");
            }
            List<String> before = sealedValues();

            try (MicroProcess wrong = start("wrong-key", platform, Map.of("TOKEN_ENCRYPTION_KEY", WRONG))) {
                String readiness = readiness(wrong);
                assertThat(readiness).as(readiness + "; see " + wrong.log()).contains("\"startup\"").contains("opens none of the");
                HttpResponse<String> refused = admin(wrong, "GET", "/admin/api/connections");
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.body()).contains("TOKEN_ENCRYPTION_KEY");
            }
            assertThat(sealedValues()).as("the wrong key changed nothing").isEqualTo(before);
            assertThat(statuses()).containsOnly("ACTIVE");

            try (MicroProcess fixed = start("k2-fixed", platform, Map.of("TOKEN_ENCRYPTION_KEY", K2, "TOKEN_ENCRYPTION_KEY_PREVIOUS", STRAY))) {
                await(() -> tokens(fixed).getInt("unreadable") == 0 && tokens(fixed).getInt("older_keys") == 0,
                        "the stray value opened and sealed again under K2; K1 no longer needed", fixed);
                assertThat(readiness(fixed)).startsWith("{\"status\":\"UP\"");
                Instant polled = Instant.now();
                assertThat(admin(fixed, "POST", "/admin/api/poll").statusCode()).isEqualTo(202);
                for (String target : List.of(SHOP_DOMAIN, pages.get(0), pages.get(1), pages.get(2))) {
                    await(() -> syncedSince(connection(fixed, target), polled), target + " synced after the right key returned", fixed);
                }
            }
            assertThat(statuses()).as("nobody reconnected").containsOnly("ACTIVE");
            assertThat(Database.rows(database, "select MERCHANT_ID from SHOPIFY_CONNECTION where SHOP = ?", SHOP_DOMAIN).get(0))
                    .containsEntry("MERCHANT_ID", merchant);
        }
    }

    /** The platforms (the sandbox, with an idle product beside it) on a database of their own: they outlive the product's restarts. */
    private MicroProcess startPlatform() {
        int port = MicroProcess.freePort();
        Properties settings = MicroProcess.settings(ItSettings.all(), System.getProperty("it.http.port"), port,
                Map.of("DATA_DIR", work.resolve("platform-data").toAbsolutePath().toString()));
        return MicroProcess.start("platform", work, Path.of(System.getProperty("it.war")), Optional.of(MicroProcess.sandboxWar()),
                port, settings, work.resolve("platform-db/salesbot"));
    }

    /** A product server (no sandbox) on the test's database, calling the platform's sandbox. */
    private MicroProcess start(String name, MicroProcess platform, Map<String, String> keys) {
        int port = MicroProcess.freePort();
        Map<String, String> overrides = new HashMap<>(keys);
        overrides.put("DATA_DIR", work.resolve("data").toAbsolutePath().toString());
        Properties settings = MicroProcess.settings(ItSettings.all(), System.getProperty("it.http.port"), port, overrides);
        String platformPort = Integer.toString(platform.base().getPort());
        for (String key : List.of("SHOPIFY_SHOP_BASE_URL", "FACEBOOK_GRAPH_BASE_URL", "FACEBOOK_DIALOG_BASE_URL", "BULK_RESULT_ADDRESSES")) {
            settings.setProperty(key, settings.getProperty(key).replace("127.0.0.1:" + port + "/", "127.0.0.1:" + platformPort + "/"));
        }
        return MicroProcess.start(name, work, Path.of(System.getProperty("it.war")), Optional.empty(), port, settings,
                new MicroProcess.H2(database), false);
    }

    private String pageToken(String pageId) {
        return (String) Database.rows(database, "select PAGE_TOKEN_SEALED from FACEBOOK_PAGE_CONNECTION where PAGE_ID = ?", pageId)
                .get(0).get("PAGE_TOKEN_SEALED");
    }

    private List<String> sealedValues() {
        return Database.rows(database, "select ACCESS_TOKEN_SEALED as V from SHOPIFY_CONNECTION union all select REFRESH_TOKEN_SEALED as V"
                        + " from SHOPIFY_CONNECTION union all select PAGE_TOKEN_SEALED as V from FACEBOOK_PAGE_CONNECTION order by V")
                .stream().map(r -> (String) r.get("V")).toList();
    }

    private List<String> statuses() {
        return Database.rows(database, "select STATUS as S from SHOPIFY_CONNECTION union all select STATUS as S from FACEBOOK_PAGE_CONNECTION")
                .stream().map(r -> (String) r.get("S")).toList();
    }

    private static JsonObject tokens(MicroProcess server) {
        HttpResponse<String> summary = admin(server, "GET", "/admin/api/summary");
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        return json(summary.body()).getJsonObject("sealed_tokens");
    }

    private static String readiness(MicroProcess server) {
        return new Browser(server.base()).get("/health/ready").body();
    }

    private static boolean syncedSince(JsonObject connection, Instant since) {
        return "healthy".equals(connection.getString("status"))
                && List.of("written", "unchanged").contains(connection.getString("last_result", ""))
                && connection.get("last_attempt_at") instanceof jakarta.json.JsonString at
                && java.time.OffsetDateTime.parse(at.getString()).toInstant().isAfter(since);
    }

    private static JsonObject connection(MicroProcess server, String target) {
        HttpResponse<String> answer = admin(server, "GET", "/admin/api/connections");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body()).getJsonArray("connections").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("target").equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no connection " + target + " in " + answer.body()));
    }

    private static HttpResponse<String> admin(MicroProcess server, String method, String path) {
        URI base = server.base();
        HttpRequest.Builder request = HttpRequest.newBuilder(Browser.resolve(base, path))
                .header("Authorization", AdminClient.basic(AdminClient.USER, AdminClient.PASSWORD)).header("Accept", "application/json");
        request = method.equals("GET") ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        return new Browser(base).send(request);
    }

    private static void await(BooleanSupplier condition, String what, MicroProcess server) {
        Await.await(condition, WITHIN, what + "; see " + server.log());
    }


    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
